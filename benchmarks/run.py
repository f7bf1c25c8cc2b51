"""Wall time of `banen run` on the sample deliveries: a fresh warehouse, then a rerun.

Usage: .venv/bin/python benchmarks/run.py [--repeat N]
Runs the real console script in a subprocess (imports included), on a temporary warehouse, and
prints one line per measurement plus the validation time the run recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BANEN = Path(sys.executable).parent / "banen"


def timed_run(warehouse: Path) -> tuple[float, int, dict]:
    env = {
        **os.environ,
        "BANEN_WAREHOUSE": str(warehouse),
        "BANEN_EXPORTS": str(warehouse.parent / "exports"),
    }
    env.pop("DAGSTER_HOME", None)
    started = time.perf_counter()
    done = subprocess.run([str(BANEN), "run"], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    last = json.loads((warehouse.parent / "last_run.json").read_text())
    return seconds, done.returncode, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fresh, rerun, validation, import_wait = [], [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="banen-bench-") as tmp:
            warehouse = Path(tmp) / "banen.duckdb"
            seconds, code, last = timed_run(warehouse)
            assert code == 0, f"banen run exited {code}"
            fresh.append(seconds)
            validation.append(last.get("validation_seconds", float("nan")))
            import_wait.append(last.get("import_wait_seconds", float("nan")))
            seconds, code, _ = timed_run(warehouse)
            assert code == 0, f"rerun exited {code}"
            rerun.append(seconds)
    print(f"{'measurement':<44}{'median s':>10}{'min s':>10}{'max s':>10}")
    for name, values in (
        ("banen run, fresh warehouse", fresh),
        ("banen run, rerun (nothing new)", rerun),
        ("  of which GX validation (fresh)", validation),
        ("  waiting for the worker's imports (fresh)", import_wait),
    ):
        print(f"{name:<44}{statistics.median(values):>10.2f}{min(values):>10.2f}{max(values):>10.2f}")
    print(f"runs: {args.repeat}; targets: a fresh warehouse <= 15 s, a rerun with nothing new <= 1.5 s")


if __name__ == "__main__":
    main()
