"""Microdata at national scale: generation, ingestion + aggregation + durability through the project,
and the same aggregation as one bare DuckDB query, paired, at scale 1 and scale 5 (`--scales 1 10`
for ten times the payroll extract, 160 M rows).

Usage: .venv/bin/python benchmarks/microdata.py [--scales 1 5] [--keep DIR]

Every measurement runs in its own process, so that its peak RSS is its own; a thread beside it
samples the size of DuckDB's temporary folder, so that its peak spill is its own too. Prints a
table: rows, seconds, rows/s, peak RSS, peak spill, and the ratio project / bare query; then the
largest absolute difference between the extract's banen and the deliveries
(marts.microdata_reconciliatie.verschil), which must be 0. Targets on a 2-core, 24 GiB machine:
project <= 3x the bare query at scale 10, with peak RSS <= 6 GiB and spill <= 5 GiB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BARE_SQL = """
SELECT kwartaal, regiocode,
       CASE WHEN contractsoort = 'inleen' THEN 'inleen'
            WHEN contractsoort = 'regulier' AND sector = 'markt' THEN 'regulier_markt'
            WHEN contractsoort = 'regulier' THEN 'regulier_overheid' END AS categorie,
       sector, doelgroep_grondslag,
       sum(verloonde_uren / (25.5 * weken_in_kwartaal)) AS banen,
       count(DISTINCT persoon_id) AS personen, count(*) AS rijen, max(weken_in_kwartaal)
FROM read_parquet($glob, hive_partitioning = true)
GROUP BY ALL
"""


def _folder_size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*") if folder.exists() else ():
        with contextlib.suppress(FileNotFoundError):  # DuckDB removed it meanwhile
            total += path.stat().st_size
    return total


class SpillWatch:
    """The largest size a temporary folder reached while the block ran (sampled every 0.2 s)."""

    def __init__(self, folder: Path):
        import threading

        self.folder, self.peak, self._stop = folder, 0, threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, _folder_size(self.folder))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _folder_size(self.folder))


def child(task: str, args: dict) -> dict:
    """One measurement, in this (child) process."""
    import duckdb

    from banen_pipeline import microdata
    from banen_pipeline.config import Settings

    started = time.perf_counter()
    result = {}
    if task == "generate":
        with duckdb.connect(args["warehouse"], read_only=True) as con:
            made = microdata.generate(con, Path(args["out"]), "2015Q4", "2023Q4", scale=args["scale"], seed=1)
        rows, spill = made["rows"], 0
    elif task == "project":
        from banen_pipeline.db import Warehouse
        from banen_pipeline.marts import build_mart

        shutil.copyfile(args["warehouse"], args["copy"])
        warehouse = Warehouse(Path(args["copy"]), memory_limit=Settings.from_env().duckdb_memory)
        started = time.perf_counter()  # the copy of the sample warehouse is set-up, not ingestion
        with SpillWatch(Path(args["copy"] + ".tmp")) as watch, warehouse.writer() as con:
            folder = Path(args["out"])
            rows = microdata.aggregate(con, folder, microdata.extract_quarters(folder))
            for name in ("microdata_banen", "microdata_reconciliatie", "microdata_duurzaamheid"):
                build_mart(con, name)
            result["max_verschil"] = con.execute(
                "SELECT max(abs(verschil)) FROM marts.microdata_reconciliatie"
            ).fetchone()[0]
        spill = watch.peak
    else:  # bare, with the same memory limit as the project
        temp = Path(args["copy"]).with_suffix(".bare.tmp")
        con = duckdb.connect()
        con.execute(f"SET memory_limit = '{Settings.from_env().duckdb_memory}'")
        con.execute(f"SET temp_directory = '{temp}'")
        con.execute("SET preserve_insertion_order = false")
        with SpillWatch(temp) as watch:
            con.execute(
                f"CREATE TABLE t AS {BARE_SQL}", {"glob": str(Path(args["out"]) / "kwartaal=*" / "*.parquet")}
            )
        rows, spill = con.execute("SELECT sum(rijen) FROM t").fetchone()[0], watch.peak
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        **result,
        "rows": int(rows),
        "seconds": seconds,
        "peak_gb": peak_kb / 1024 / 1024,
        "spill_gb": spill / 2**30,
    }


def measure(task: str, args: dict) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", task, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def sample_warehouse(root: Path) -> Path:
    """A warehouse with the sample deliveries loaded (the extract is calibrated on it)."""
    env = {
        **os.environ,
        "BANEN_WAREHOUSE": str(root / "banen.duckdb"),
        "BANEN_EXPORTS": str(root / "exports"),
    }
    env.pop("DAGSTER_HOME", None)
    subprocess.run(
        [str(Path(sys.executable).parent / "banen"), "run"], env=env, check=True, capture_output=True
    )
    return root / "banen.duckdb"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 5.0])
    parser.add_argument("--keep", type=Path, help="keep the extracts in this folder")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], json.loads(args.child[1]))))
        return

    root = Path(tempfile.mkdtemp(prefix="banen-microdata-"))
    try:
        warehouse = sample_warehouse(root / "wh")
        print(
            f"{'scale':>5} {'step':<34}{'rows':>13}{'seconds':>9}{'M rows/s':>10}{'peak GB':>9}{'spill GB':>9}{'ratio':>7}"
        )
        for scale in args.scales:
            out = (args.keep or root) / f"scale{scale:g}"
            common = {
                "warehouse": str(warehouse),
                "out": str(out),
                "scale": scale,
                "copy": str(root / f"copy{scale:g}.duckdb"),
            }
            if not (args.keep and out.is_dir()):  # --keep: an extract made before is used again
                shutil.rmtree(out, ignore_errors=True)
                gen = measure("generate", common)
            else:
                gen = None
            project = measure("project", common)
            bare = measure("bare", common)
            ratio = project["seconds"] / bare["seconds"]
            for name, m, r in (
                ("generate (vectorised)", gen, ""),
                ("project: aggregate + durability", project, f"{ratio:.2f}"),
                ("bare DuckDB aggregation", bare, ""),
            ):
                if m is not None:
                    print(
                        f"{scale:>5g} {name:<34}{m['rows']:>13,}{m['seconds']:>9.2f}"
                        f"{m['rows'] / m['seconds'] / 1e6:>10.1f}{m['peak_gb']:>9.2f}{m['spill_gb']:>9.2f}{r:>7}"
                    )
            print(f"{scale:>5g} largest |verschil| against the deliveries: {project['max_verschil']}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
