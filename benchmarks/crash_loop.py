"""Crash safety: kill `banen run` with SIGKILL at random moments, then run it again cleanly, N times.

Usage: .venv/bin/python benchmarks/crash_loop.py [--n 20] [--seed 1]

Each round starts from an empty warehouse, kills the run after a random delay (between 0.3 s and 90%
of the duration of an uninterrupted run), and then runs `banen run` again. Afterwards:
- every mart must equal, by content checksum, the marts of a run that was never interrupted;
- `meta.leveringen` must hold no half-loaded delivery: every loaded file has all its staging rows,
  and no staging row belongs to a file that is not recorded as loaded.
Prints one line per round and a summary; exits 1 if any round differs.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

BANEN = Path(sys.executable).parent / "banen"
STAGING = {
    "staging.uwv_kwartaal": 36,
    "staging.rijk_monitor": None,
    "staging.sector_rapportage": 13,
}


def environment(root: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "BANEN_WAREHOUSE": str(root / "banen.duckdb"),
        "BANEN_EXPORTS": str(root / "exports"),
    }
    env.pop("DAGSTER_HOME", None)
    return env


def mart_checksums(warehouse: Path) -> dict[str, tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [
            t
            for (t,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts' order by 1"
            ).fetchall()
        ]
        return {
            t: con.execute(
                f"select count(*), md5(coalesce(string_agg(x::varchar, '|' order by x::varchar), '')) from marts.{t} as x"
            ).fetchone()
            for t in tables
        }


def half_loaded(warehouse: Path) -> list[str]:
    """Deliveries whose staging rows disagree with meta.leveringen."""
    problems = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        loaded = {
            b
            for (b,) in con.execute("select bestand from meta.leveringen where status = 'geladen'").fetchall()
        }
        for table, rows_per_file in STAGING.items():
            counts = dict(con.execute(f"select bestand, count(*) from {table} group by bestand").fetchall())
            for bestand, n in counts.items():
                if bestand not in loaded:
                    problems.append(f"{table}: rows of {bestand}, which is not recorded as loaded")
                elif rows_per_file and n != rows_per_file:
                    problems.append(f"{table}: {bestand} has {n} rows, expected {rows_per_file}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="banen-crash-") as tmp:
        reference = Path(tmp) / "reference"
        started = time.perf_counter()
        subprocess.run([str(BANEN), "run"], env=environment(reference), capture_output=True, check=True)
        duration = time.perf_counter() - started
        expected = mart_checksums(reference / "banen.duckdb")
        print(f"reference run: {duration:.1f} s, {len(expected)} marts")

        failures = kills = 0
        for round_ in range(1, args.n + 1):
            root = Path(tmp) / f"round{round_}"
            delay = rng.uniform(0.3, 0.9 * duration)  # inside the run, so that every round kills
            process = subprocess.Popen(
                [str(BANEN), "run"],
                env=environment(root),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(delay)
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait()
            clean = subprocess.run([str(BANEN), "run"], env=environment(root), capture_output=True, text=True)
            same = clean.returncode == 0 and mart_checksums(root / "banen.duckdb") == expected
            problems = half_loaded(root / "banen.duckdb") if clean.returncode == 0 else ["clean run failed"]
            ok = same and not problems
            failures += not ok
            print(
                f"round {round_:2d}: killed after {delay:5.1f} s{'' if killed else ' (had finished)'}; "
                f"clean run exit {clean.returncode}; marts identical: {same}; half-loaded: {len(problems)}"
                + ("" if ok else f"  {problems[:3]} {clean.stderr[-500:]}")
            )
        print(
            f"{args.n} rounds, {kills} killed mid-run; {args.n - failures} with every mart identical "
            "and no half-loaded delivery"
        )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
