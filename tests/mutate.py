"""``make mutate``: ten named, realistic bugs, each applied alone to a copy of the project, each run
against ``make test-fast``'s tests; prints per bug the first test that caught it (or that none did)
and writes the table to ``docs/mutants.md``.

A bug is an exact replacement in one file (or an edit of one suite's JSON); a bug whose text is no
longer found fails the script rather than passing silently. The copy is of the files git tracks, plus
the working tree's changes; the project itself is never touched. The tests must first pass on the
project as it is (else every bug would look caught). ``python -m tests.mutate NAME ...``
runs only the named bugs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "mutants.md"


@dataclass(frozen=True)
class Mutant:
    name: str
    """What the bug does, as a reviewer would describe it."""
    path: str
    edit: Callable[[str], str]


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        if text.count(old) != 1:
            raise LookupError(f"expected the text once, found it {text.count(old)} times: {old!r}")
        return text.replace(old, new)

    return edit


def suite_edit(change: Callable[[list[dict]], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        suite = json.loads(text)
        change(suite["expectations"])
        return json.dumps(suite, indent=2, ensure_ascii=False) + "\n"

    return edit


def _drop(column: str, described: str) -> Callable[[list[dict]], None]:
    def change(expectations: list[dict]) -> None:
        found = [
            e
            for e in expectations
            if e["kwargs"].get("column") == column and described in e["meta"]["beschrijving"]
        ]
        if len(found) != 1:
            raise LookupError(f"expected one rule on {column} ({described}), found {len(found)}")
        expectations.remove(found[0])

    return change


def _demote(column: str) -> Callable[[list[dict]], None]:
    def change(expectations: list[dict]) -> None:
        found = [
            e for e in expectations if e["kwargs"].get("column") == column and e["severity"] == "critical"
        ]
        if len(found) != 1:
            raise LookupError(f"expected one critical rule on {column}, found {len(found)}")
        found[0]["severity"] = "warning"

    return change


MUTANTS = [
    Mutant(
        "the 25.5-hour rule becomes 25.0 in the payroll extract's aggregation",
        "warehouse/staging/updates/microdata_aggregaat.sql",
        replace("(25.5 * weken_in_kwartaal)", "(25.0 * weken_in_kwartaal)"),
    ),
    Mutant(
        "the oldest publication of a UWV quarter becomes current",
        "warehouse/staging/updates/uwv_kwartaal_versies.sql",
        replace("is_actueel = v.versie = v.aantal", "is_actueel = v.versie = 1"),
    ),
    Mutant(
        "the market's and government's shares of agency work swapped",
        "warehouse/marts/kwartaalschatting.sql",
        lambda text: replace(
            "m.extra_banen_regulier_overheid + m.extra_banen_inleen * m.aandeel",
            "m.extra_banen_regulier_overheid + m.extra_banen_inleen * (1 - m.aandeel)",
        )(
            replace(
                "m.extra_banen_regulier_markt + m.extra_banen_inleen * (1 - m.aandeel)",
                "m.extra_banen_regulier_markt + m.extra_banen_inleen * m.aandeel",
            )(text)
        ),
    ),
    Mutant(
        "the official ratio computed on the quarterly estimate",
        "warehouse/marts/markt_overheid.sql",
        replace(
            "CAST(round(o.markt / o.overheid, 2) AS DOUBLE) END AS verhouding_officieel",
            "CAST(round(s.extra_banen_markt_incl_inleen / s.extra_banen_overheid_incl_inleen, 2) AS DOUBLE) END "
            "AS verhouding_officieel",
        ),
    ),
    Mutant(
        "write_atomic writes in place",
        "banen_pipeline/files.py",
        replace(
            '    with replacing(target) as tmp:\n        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)',
            '    target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)',
        ),
    ),
    Mutant(
        "band calibration on in-sample errors",
        "banen_pipeline/projections/calibration.py",
        replace(
            "scores[(horizons == horizons[i]) & (outcomes <= known[i])]", "scores[horizons == horizons[i]]"
        ),
    ),
    Mutant(
        "the landing sensor no longer skips files it has seen",
        "banen_pipeline/defs/landing_sensor.py",
        replace(" if landed.sha256 not in seen]", "]"),
    ),
    Mutant(
        "the report's and the data docs' autoescape off",
        "banen_pipeline/pages.py",
        replace("autoescape=True", "autoescape=False"),
    ),
    Mutant(
        'the rule "banen_totaal is never negative" removed from the UWV suite',
        "expectations/staging_uwv_kwartaal.json",
        suite_edit(_drop("banen_totaal", "never negative")),
    ),
    Mutant(
        '"the targets add up to the government target" demoted to a warning in the sector suite',
        "expectations/staging_sector_rapportage.json",
        suite_edit(_demote("verschil_doel_overheid")),
    ),
]


def _copy_project(target: Path) -> None:
    """The files git tracks (as they are in the working tree, untracked new ones included), in a
    repository of their own."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    # a repository of its own, so what .gitignore says is ignored is ignored there too (the docs test)
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)


def _caught_by(output: str) -> str | None:
    """The first failing test's id in pytest's short summary."""
    found = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE)
    return found.group(1) if found else None


def run(mutant: Mutant | None, workdir: Path) -> tuple[str, float]:
    """The first test that fails with ``mutant`` applied (None: the project as it is), or "not caught"."""
    copy = workdir / "project"
    shutil.rmtree(copy, ignore_errors=True)
    _copy_project(copy)
    if mutant is not None:
        path = copy / mutant.path
        path.write_text(mutant.edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BANEN_", "DAGSTER_"))}
    env["PYTHONPATH"] = str(copy)  # this copy's package before the installed one, in every subprocess
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup", "-m", "not slow", "--maxfail=1",
         "-p", "no:cacheprovider"],
        cwd=copy, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode == 0:
        return "not caught", seconds
    return _caught_by(
        done.stdout + done.stderr
    ) or f"failed (exit {done.returncode}) without a test id", seconds


def main(names: list[str]) -> int:
    chosen = [m for m in MUTANTS if not names or any(n in m.name for n in names)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="banen-mutate-") as tmp:
        # the tests must pass on the project as it is, or every bug would look caught
        clean, seconds = run(None, Path(tmp))
        if clean != "not caught":
            print(f"the tests fail without any bug ({clean}): fix that first", file=sys.stderr)
            return 2
        print(f" 0. no bug: the tests pass ({seconds:.0f} s)", flush=True)
        for number, mutant in enumerate(chosen, start=1):
            verdict, seconds = run(mutant, Path(tmp))
            rows.append((mutant, verdict, seconds))
            print(f"{number:2d}. {mutant.name}: {verdict} ({seconds:.0f} s)", flush=True)
    missed = [m for m, verdict, _ in rows if verdict == "not caught"]
    table = ["| bug | file | caught by (`make test-fast`) |", "|---|---|---|"]
    table += [
        f"| {m.name} | `{m.path}` | {verdict if verdict == 'not caught' else f'`{verdict}`'} |"
        for m, verdict, _ in rows
    ]
    if not names:
        REPORT.write_text(
            "# Mutants\n\nThe last `make mutate`: each bug applied alone to a copy of the project, against the tests "
            "of `make test-fast` (the first test that failed).\n\n" + "\n".join(table) + "\n\n"
            f"{len(rows) - len(missed)} of {len(rows)} caught.\n",
            encoding="utf-8",
        )
    print(f"{len(rows) - len(missed)} of {len(rows)} caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
