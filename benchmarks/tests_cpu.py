"""The CPU time (user + sys) of `make test`'s test command, at an earlier commit and here, in one call.

Usage: .venv/bin/python benchmarks/tests_cpu.py COMMIT [--rounds 1]

Checks COMMIT out into a temporary git worktree and runs the README's test command (`pytest -q -n 2
--dist loadgroup`, here without pytest's cache folder) there and in this checkout, alternately and
COMMIT first, with this checkout's environment (.venv). CPU is what the operating system counts for
the processes the command waited for: pytest, its two workers and every process they started and
reaped (a server that detaches itself, such as a PostgreSQL started with pg_ctl, is not counted on
either side). Prints per round and side the CPU, the wall time and pytest's summary line, then the
median of each side and their ratio. A side whose tests fail is shown as failed: its CPU is not comparable.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(checkout: Path) -> tuple[float, float, str, bool]:
    """(CPU s, wall s, pytest's last line, passed) of the test command in ``checkout``."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    for name in ("DAGSTER_HOME", "BANEN_WAREHOUSE", "BANEN_LANDING", "BANEN_EXPORTS"):
        env.pop(name, None)
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run(COMMAND, cwd=checkout, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, children_cpu() - cpu
    last = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
    return cpu, wall, last, done.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tests-cpu-") as tmp:
        before = Path(tmp) / "before"
        subprocess.run(["git", "worktree", "add", "--detach", str(before), args.commit], cwd=HERE, check=True)
        try:
            sides = {args.commit: before, "this checkout": HERE}
            cpu: dict[str, list[float]] = {name: [] for name in sides}
            failed = False
            for round_ in range(1, args.rounds + 1):
                for name, checkout in sides.items():
                    seconds, wall, last, passed = measured(checkout)
                    failed |= not passed
                    cpu[name].append(seconds)
                    state = "passed" if passed else "FAILED"
                    print(f"round {round_} {name}: CPU {seconds:.0f} s, wall {wall:.0f} s, {state}: {last}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=HERE, check=False)
    old, new = (statistics.median(values) for values in cpu.values())
    print(f"median CPU: {args.commit} {old:.0f} s, this checkout {new:.0f} s, ratio {new / old:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
