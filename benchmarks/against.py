"""How much a fresh `banen run` grew against an earlier commit, step by step.

Usage: .venv/bin/python benchmarks/against.py COMMIT [--pairs 12]

Checks COMMIT out into a temporary git worktree and runs `banen run` on a fresh warehouse with the
samples, alternately from that worktree and from this checkout (interleaved pairs, so that a busy
machine slows both alike), both with their bytecode compiled first, as `make` does. Each step's time runs from its "▶ step" line to the next; the time before
the first step (imports, planning) is "start". Prints per step the median of each side and the median
of the paired differences (this checkout minus COMMIT); the last line is the whole run.
Example: `benchmarks/against.py f7af470` measures what the projections' backtest added.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def timed_steps(checkout: Path, work: Path) -> dict[str, float]:
    """One fresh `banen run` of ``checkout``'s code; seconds per step, "start" and "total"."""
    env = {
        **os.environ,
        "PYTHONPATH": str(checkout),
        "BANEN_WAREHOUSE": str(work / "banen.duckdb"),
        "BANEN_EXPORTS": str(work / "exports"),
    }
    env.pop("DAGSTER_HOME", None)
    command = [PYTHON, "-c", "from banen_pipeline.cli import app; app()", "run"]
    started = time.perf_counter()
    marks = [("start", started)]
    with subprocess.Popen(
        command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as run:
        for line in run.stderr:
            if line.startswith("▶"):
                marks.append((line.split()[1], time.perf_counter()))
    if run.returncode not in (0, 3):
        raise SystemExit(f"banen run in {checkout} exited {run.returncode}")
    marks.append(("end", time.perf_counter()))
    steps = {name: end - begin for (name, begin), (_next, end) in itertools.pairwise(marks)}
    return steps | {"total": marks[-1][1] - started}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("commit")
    parser.add_argument("--pairs", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="banen-against-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(HERE), "worktree", "add", "--detach", str(base), args.commit],
            check=True,
            capture_output=True,
        )
        try:
            for checkout in (base, HERE):  # bytecode for both, as `make` writes it
                subprocess.run(
                    [PYTHON, "-m", "compileall", "-q", str(checkout / "banen_pipeline")], check=True
                )
            times: dict[str, list[dict[str, float]]] = defaultdict(list)
            for pair in range(args.pairs):
                for side, checkout in (("base", base), ("this", HERE)):
                    with tempfile.TemporaryDirectory(dir=tmp) as work:
                        times[side].append(timed_steps(checkout, Path(work)))
                print(
                    f"pair {pair + 1}: {args.commit} {times['base'][-1]['total']:.2f} s, "
                    f"this checkout {times['this'][-1]['total']:.2f} s",
                    flush=True,
                )
        finally:
            subprocess.run(["git", "-C", str(HERE), "worktree", "remove", "--force", str(base)], check=False)
    steps = list(dict.fromkeys([*times["base"][0], *times["this"][0]]))
    steps.remove("total")
    print(f"\n{'step':<30}{args.commit:>12}{'this':>10}{'paired diff':>14}   (medians, s)")
    for step in [*steps, "total"]:
        before = [t.get(step, 0.0) for t in times["base"]]
        after = [t.get(step, 0.0) for t in times["this"]]
        diff = statistics.median(b - a for a, b in zip(before, after, strict=True))
        print(f"{step:<30}{statistics.median(before):>12.2f}{statistics.median(after):>10.2f}{diff:>+14.2f}")


if __name__ == "__main__":
    main()
