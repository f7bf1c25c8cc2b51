"""What partitioning every step by quarter would cost a run: Dagster stores one materialization per
asset per quarter of a run's range.

Usage: .venv/bin/python benchmarks/partition_events.py [--assets 30] [--quarters 33]

Runs one multi-asset of ``--assets`` tables in process on an ephemeral instance, once over a range
of ``--quarters`` partitions and once unpartitioned, twice each, and prints the events and seconds.
The defaults are the warehouse's: 30 table assets, 33 delivered UWV quarters. This is why the steps
are unpartitioned (README, "Backfill all quarters").
"""

from __future__ import annotations

import argparse
import logging
import time

import dagster as dg


def timed(assets: int, quarters: int, partitioned: bool) -> list[tuple[int, float]]:
    keys = [f"{2016 + i // 4}Q{i % 4 + 1}" for i in range(quarters)]
    partitions = dg.StaticPartitionsDefinition(keys) if partitioned else None
    specs = [dg.AssetSpec(f"table_{i}") for i in range(assets)]

    @dg.multi_asset(specs=specs, partitions_def=partitions, backfill_policy=dg.BackfillPolicy.single_run())
    def step(context):
        for spec in specs:
            yield dg.MaterializeResult(asset_key=spec.key, metadata={"rows": 1})

    quiet = dg.logger(lambda _context: logging.getLogger("quiet"))
    job = (
        dg.Definitions(assets=[step])
        .resolve_implicit_global_asset_job_def()
        .with_logger_defs({"quiet": quiet})
    )
    tags = (
        {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}
        if partitioned
        else {}
    )
    instance = dg.DagsterInstance.ephemeral()
    out = []
    for _ in range(2):
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance, tags=tags, run_config={"loggers": {"quiet": {}}})
        out.append((len(result.get_asset_materialization_events()), time.perf_counter() - started))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=30)
    parser.add_argument("--quarters", type=int, default=33)
    args = parser.parse_args()
    for partitioned in (True, False):
        label = f"{args.quarters} quarters" if partitioned else "unpartitioned"
        for events, seconds in timed(args.assets, args.quarters, partitioned):
            print(f"{label:>14}: {events:4d} materializations, {seconds:.2f} s")


if __name__ == "__main__":
    main()
