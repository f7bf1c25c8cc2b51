"""CPU time of the projection fits on the samples: the rolling-origin backtest of three methods for
three segments, and the published fits.

Usage: .venv/bin/python benchmarks/projections.py [--warehouse PATH] [--repeat N]
Reads the history from a warehouse the samples were loaded into (default: warehouse/banen.duckdb)
and runs projection.compute in this process with one BLAS thread, as the worker does (statsmodels
imported beforehand, so its import is not counted): in one process, and forked over every core as
the worker runs it. CPU includes the forked processes. Target: at most 5 s of CPU for all fits together.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
import warnings
from pathlib import Path

from banen_pipeline.worker import ONE_THREAD

for _name, _value in ONE_THREAD.items():  # as the worker runs the fits; before numpy is imported
    os.environ.setdefault(_name, _value)

import duckdb  # noqa: E402

from banen_pipeline.config import DEFAULTS  # noqa: E402
from banen_pipeline.projections.fits import _history  # noqa: E402
from banen_pipeline.projections.projection import compute  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", type=Path, default=DEFAULTS["warehouse"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with duckdb.connect(str(args.warehouse), read_only=True) as con:
        history, targets = _history(con)
    warnings.simplefilter("ignore")
    import statsmodels.api  # noqa: F401  (the import is not a fit)

    cores = len(os.sched_getaffinity(0))
    results = {}
    for processes in (1, cores):
        cpu, wall = [], []
        for _ in range(args.repeat):
            started_cpu, started = _cpu_seconds(), time.perf_counter()
            frames = compute(history, targets, processes)
            cpu.append(_cpu_seconds() - started_cpu)
            wall.append(time.perf_counter() - started)
        results[f"all fits, {processes} process(es), CPU"] = cpu
        results[f"all fits, {processes} process(es), wall"] = wall
    fits = frames["projectie_backtest"].groupby(["segment", "methode", "oorsprong"]).ngroups + 3
    print(f"{'measurement':<40}{'median s':>10}{'min s':>10}{'max s':>10}")
    for name, values in results.items():
        print(f"{name:<40}{statistics.median(values):>10.2f}{min(values):>10.2f}{max(values):>10.2f}")
    print(
        f"fits per run: {fits} ({len(history)} quarters of history); the worker uses {cores} "
        "process(es); target: <= 5 s CPU"
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the forked fitting processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
