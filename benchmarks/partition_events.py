"""What partitioning every step by quarter would cost a run: Dagster stores one materialization per
asset per quarter of a run's range (and, on SQLite, one planned event per asset per quarter too).

Usage: .venv/bin/python benchmarks/partition_events.py [--assets 21] [--quarters 45] [--repeat 2]

Runs one multi-asset of ``--assets`` tables in process, once over a range of ``--quarters``
partitions and once unpartitioned, on two Dagster instances: in memory (what ``banen run`` uses
without DAGSTER_HOME) and SQLite in a temporary DAGSTER_HOME with ``deploy/dagster.yaml`` (what
``make ui``, the daemon and the live test use). Every materialization carries metadata of the size a
table asset's has (row count, table name, a column schema of eight columns). The defaults are the
warehouse's: 21 executable assets, and the 45 quarters 2015Q4..2026Q4 that *Materialize all* over
all partitions would cover. This is why the steps are unpartitioned (docs/decisions.md).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
import time
from pathlib import Path

import dagster as dg

DAGSTER_YAML = Path(__file__).resolve().parents[1] / "deploy" / "dagster.yaml"
METADATA = {
    "dagster/row_count": 120,
    "dagster/table_name": "marts.example",
    "dagster/column_schema": dg.TableSchema(
        columns=[dg.TableColumn(f"kolom_{i}", "DOUBLE", description=f"column {i}") for i in range(8)]
    ),
}


def job_of(assets: int, keys: list[str] | None) -> dg.JobDefinition:
    partitions = dg.StaticPartitionsDefinition(keys) if keys else None
    specs = [dg.AssetSpec(f"table_{i}") for i in range(assets)]

    @dg.multi_asset(specs=specs, partitions_def=partitions, backfill_policy=dg.BackfillPolicy.single_run())
    def step(context):
        for spec in specs:
            yield dg.MaterializeResult(asset_key=spec.key, metadata=METADATA)

    quiet = dg.logger(lambda _context: logging.getLogger("quiet"))
    return (
        dg.Definitions(assets=[step])
        .resolve_implicit_global_asset_job_def()
        .with_logger_defs({"quiet": quiet})
    )


def timed(instance: dg.DagsterInstance, job: dg.JobDefinition, keys: list[str] | None, repeat: int):
    tags = (
        {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
        if keys
        else {}
    )
    for _ in range(repeat):
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance, tags=tags, run_config={"loggers": {"quiet": {}}})
        yield len(result.get_asset_materialization_events()), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=21)
    parser.add_argument("--quarters", type=int, default=45)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    quarters = [f"{2015 + (i + 3) // 4}Q{(i + 3) % 4 + 1}" for i in range(args.quarters)]  # 2015Q4, ...
    home = Path(tempfile.mkdtemp(prefix="partition-events-"))
    shutil.copyfile(DAGSTER_YAML, home / "dagster.yaml")
    try:
        for label, instance in (
            ("in memory", dg.DagsterInstance.ephemeral()),
            ("sqlite", dg.DagsterInstance.from_config(str(home))),
        ):
            with instance:
                for keys in (quarters, None):
                    job = job_of(args.assets, keys)
                    shape = f"{len(keys)} quarters" if keys else "unpartitioned"
                    for events, seconds in timed(instance, job, keys, args.repeat):
                        print(f"{label:>9}, {shape:>13}: {events:4d} materializations, {seconds:5.2f} s")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
