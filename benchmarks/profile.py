"""Where a fresh `banen run` spends its time, and how it compares with the yardsticks.

Usage: .venv/bin/python benchmarks/profile.py [--runs 5] [--no-profile]

1. **The ratio**: the bare script `sources/bench/floor.py` (the core of the same job, no orchestrator,
   no validation), `sources/bench/floor_plus.py` (the same plus the least the stack costs: Dagster's
   import, Great Expectations and statsmodels imported in a second process, 260 expectations once, the
   fits) and a fresh `banen run` on the samples, interleaved `--runs` times, each a new process timed
   from start to exit, all with this virtualenv's Python (fastexcel, which the yardsticks read
   workbooks with, is a dev dependency). Prints the medians and the median of the paired ratios; the
   target is `banen run` / floor_plus at most 1.2.
2. **The profile**: as many fresh runs again, each in a process of its own with timers around the
   phases of a run (the package's code is not changed: the runner wraps its functions). Per phase
   the median wall time, the CPU time of the main process, and the CPU time of the worker process
   (Great Expectations, statsmodels, charts, data docs, and the processes it forks). "Dagster and the
   rest" is each step's wall time outside the timed phases: Dagster's own events and bookkeeping.
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

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sources" / "deliveries"
BENCH = ROOT / "sources" / "bench"

RUNNER = r"""
import json, os, sys, time
started_wall, started_cpu = time.perf_counter(), time.process_time()
if __name__ == "__main__":
    phases = {}
    order = []

    def add(name, wall, cpu):
        if name not in phases:
            phases[name] = [0.0, 0.0, 0.0]
            order.append(name)
        phases[name][0] += wall
        phases[name][1] += cpu

    def worker_cpu():
        from banen_pipeline.worker import shared
        pool = shared()._pool
        total = 0.0
        for process in (pool._processes or {}).values() if pool else ():
            try:
                fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
                total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
            except (FileNotFoundError, ProcessLookupError):
                pass
        return total

    import functools

    depth = [0]
    inside = [0.0]

    def measure(name, function, *args, **kwargs):
        wall, cpu, busy = time.perf_counter(), time.process_time(), worker_cpu()
        depth[0] += 1
        try:
            return function(*args, **kwargs)
        finally:
            depth[0] -= 1
            add(name, time.perf_counter() - wall, time.process_time() - cpu)
            phases[name][2] += worker_cpu() - busy
            if depth[0] == 0:  # nested phases are inside their outer one
                inside[0] += time.perf_counter() - wall

    def timed(owner, attribute, name, then=None):
        function = getattr(owner, attribute)

        @functools.wraps(function)  # the same name: a function sent to the worker still pickles
        def wrapper(*args, **kwargs):
            value = measure(name, function, *args, **kwargs)
            if then is not None:
                return functools.partial(measure, then, value)
            return value

        setattr(owner, attribute, wrapper)

    wall, cpu = time.perf_counter(), time.process_time()
    import dagster  # noqa: F401
    from banen_pipeline import definitions, exports, ingest, marts, projections, report, validation  # noqa: F401
    from banen_pipeline.config import Settings
    from banen_pipeline.db import Warehouse
    from banen_pipeline.deliveries import LandedFile
    from banen_pipeline.pipeline import run_pipeline
    add("imports (Python, Dagster, the package)", time.perf_counter() - started_wall, time.process_time() - started_cpu)

    from banen_pipeline import deliveries, lineage, worker

    timed(deliveries, "scan_landing", "start: scanning the landing folder")
    timed(lineage, "state", "start: what changed (lineage.state)")
    timed(definitions, "build_defs", "start: loading the definitions")
    timed(worker, "_result", "waiting for the worker (every call, charts included)")
    timed(LandedFile, "read", "reading deliveries")
    timed(ingest, "_trial_validation", "validating deliveries before loading (trial)")
    timed(ingest, "_load", "loading deliveries")
    timed(ingest.microdata, "aggregate_landed", "payroll extract (sample suite, aggregation)")
    timed(ingest, "validate_tables", "validating staging tables (whole tables)")
    timed(marts, "build_mart", "building marts (waiting for fits included)")
    timed(validation.Validator, "validate_all", "validations, all (the three above included)")
    timed(exports, "export_schema", "exports (Parquet, datapackage.json)")
    timed(report, "gather", "report: content")
    timed(report, "draw", "report: charts drawn in the main process")
    timed(report, "write_report", "report: writing (waiting for the worker's charts before)")
    timed(Warehouse, "write_snapshot", "snapshot")
    timed(validation.Validator, "begin_data_docs", "data docs: starting", then="data docs: waiting for the worker")

    steps = []
    last = [time.perf_counter(), 0.0, "start (settings, what changed, Dagster planning)", time.process_time(), 0.0]

    def say(kind, text):
        if kind in ("step", "failed"):
            now, cpu_now, busy = time.perf_counter(), time.process_time(), worker_cpu()
            steps.append((last[2], now - last[0], inside[0] - last[1], cpu_now - last[3], busy - last[4]))
            last[:] = [now, inside[0], text if kind == "step" else last[2], cpu_now, busy]

    code, summary = run_pipeline(Settings.from_env(), say=say)
    now = time.perf_counter()
    steps.append((last[2], now - last[0], inside[0] - last[1], time.process_time() - last[3], worker_cpu() - last[4]))
    for name, wall_s, timed_s, cpu_s, busy_s in steps:
        if name.startswith("start"):
            add(name, wall_s, cpu_s)
            phases[name][2] += busy_s
        else:
            add(f"Dagster and the rest: {name}", max(wall_s - timed_s, 0.0), 0.0)
    print(json.dumps({"code": code, "phases": {n: phases[n] for n in order}, "steps": steps}))
    sys.stdout.flush()
    from banen_pipeline.worker import shared
    shared().close()
    os._exit(0)
"""


def _floor(script: str, out: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(BENCH / script), str(SAMPLES), str(out)], capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"{script} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return time.perf_counter() - started


def _banen_run(work: Path) -> float:
    env = {**os.environ, "BANEN_WAREHOUSE": str(work / "banen.duckdb")}
    for name in ("DAGSTER_HOME", "BANEN_LANDING", "BANEN_EXPORTS"):
        env.pop(name, None)
    started = time.perf_counter()
    command = [
        sys.executable,
        "-c",
        "from banen_pipeline.cli import main; main()",
        "run",
    ]  # this checkout's code
    done = subprocess.run(command, env=env, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"banen run exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return seconds


def _profiled_run(work: Path) -> dict:
    env = {**os.environ, "BANEN_WAREHOUSE": str(work / "banen.duckdb")}
    for name in ("DAGSTER_HOME", "BANEN_LANDING", "BANEN_EXPORTS"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", RUNNER], env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-profile", action="store_true", help="only the paired ratio")
    args = parser.parse_args()

    floors, pluses, runs = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="banen-profile-") as tmp:
            floors.append(_floor("floor.py", Path(tmp) / "floor"))
            pluses.append(_floor("floor_plus.py", Path(tmp) / "floor_plus"))
            runs.append(_banen_run(Path(tmp) / "wh"))
    median = statistics.median
    print(f"bare script (sources/bench/floor.py):      median {median(floors):.2f} s over {args.runs} runs")
    print(f"floor plus (sources/bench/floor_plus.py):  median {median(pluses):.2f} s")
    print(f"banen run, fresh warehouse:                median {median(runs):.2f} s")
    for name, base in (("floor plus", pluses), ("bare script", floors)):
        ratios = [r / f for r, f in zip(runs, base, strict=True)]
        print(
            f"ratio to {name} (paired): median {median(ratios):.2f}, range {min(ratios):.2f}-{max(ratios):.2f}"
        )
    print()
    if args.no_profile:
        return

    profiles = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="banen-profile-") as tmp:
            profiles.append(_profiled_run(Path(tmp) / "wh"))
    names = list(profiles[0]["phases"])
    print(
        f"{'phase (medians over ' + str(args.runs) + ' profiled runs)':<58}{'wall s':>8}{'CPU s':>8}{'worker CPU s':>14}"
    )
    for name in names:
        values = [p["phases"].get(name, [0.0, 0.0, 0.0]) for p in profiles]
        wall, cpu, busy = (statistics.median(v[i] for v in values) for i in range(3))
        print(f"{name:<58}{wall:>8.2f}{cpu:>8.2f}{busy:>14.2f}")
    total = statistics.median(sum(s[1] for s in p["steps"]) for p in profiles)
    print(f"{'whole run in process (after imports)':<58}{total:>8.2f}")
    print(
        "\nPhases nest: 'validations, all' includes the trial and staging-table validations (and the"
        " payroll extract's sample); the report's writing waits for the worker's charts. Worker CPU is"
        " the worker's (and its forks') CPU while the phase ran."
    )


if __name__ == "__main__":
    main()
