"""The staging tables' checks: a supplier's delivery that stays rejected, a UWV quarter that is
overdue, and each staging table's suite on the whole table.

They are the delivery step's checks (it materializes the staging tables): it evaluates them in every
run (a critical failure of a suite fails that step, so nothing downstream is built), and alone when
the UI executes only them. Each result is built from plain rows the warehouse holds.
"""

import datetime as dt
import re
from collections.abc import Set

import dagster as dg
import duckdb

from ..db import sql_text
from ..ingest import TABLE_SUITES, validate_tables
from ..quarters import FIRST_QUARTER, latest_published_quarter, publication_due, quarter_range
from ..validation import SuiteOutcome
from .check_results import to_check_result
from .staging import STAGING, WRITTEN_BY

ACCEPTED = "levering_geaccepteerd"
"""The check that turns a supplier's staging asset red while one of its deliveries stays rejected."""
ON_TIME = "levering_op_tijd"
"""The check that warns while a UWV quarter that should have been published has no delivery."""
SUITE_KEYS = {suite: WRITTEN_BY[table] for suite, table in TABLE_SUITES.items()}


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#!|~&])")


def markdown_text(value: str) -> str:
    """A delivered string as plain text inside Markdown, placed mid-line: every character that
    there starts emphasis, code, a link, an image, a table cell, an entity or HTML is
    backslash-escaped (the ones that only mean something at a line's start, such as ``-`` and
    ``1.``, are left alone, so a rule reads as written), and line breaks become spaces."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


def rejections_check(con: duckdb.DuckDBPyConnection, bron: str, run_id: str) -> dg.AssetCheckResult:
    """Failed (ERROR) while a delivery of ``bron`` is rejected and no later delivery of its quarter
    was accepted; its metadata names each file, its place (line, cell) and the rule."""
    rows = con.execute(sql_text("queries/open_afwijzingen"), {"bron": bron, "run_id": run_id}).fetchall()
    return dg.AssetCheckResult(
        asset_key=STAGING[bron].key,
        check_name=ACCEPTED,
        passed=not rows,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "afgewezen": len(rows),
            "bestanden": ", ".join(bestand for bestand, *_ in rows)[:4000] or "none",
            "redenen": dg.MetadataValue.md(
                "\n".join(
                    f"- **{markdown_text(bestand)}** ({markdown_text(plaats or 'whole file')}): {markdown_text(regel)}"
                    for bestand, _, plaats, regel in rows
                )
                or "none"
            ),
        },
        description=(
            "Rejected: "
            + "; ".join(
                f"{bestand} ({plaats or 'whole file'}): {regel}" for bestand, _, plaats, regel in rows
            )
        )[:2000]
        if rows
        else None,
    )


def overdue_check(con: duckdb.DuckDBPyConnection, today: dt.date) -> dg.AssetCheckResult:
    """WARN while a UWV quarter whose publication was due on or before ``today`` (about 3.5 months
    after it ended, ``quarters.publication_due``) has no loaded delivery; names each quarter and the
    date it was due."""
    delivered = {
        row[0] for row in con.execute(sql_text("queries/geleverde_perioden"), {"bron": "uwv"}).fetchall()
    }
    missing = [
        q for q in quarter_range(FIRST_QUARTER, latest_published_quarter(today)) if str(q) not in delivered
    ]
    lines = [f"{q}: due {publication_due(q):%d-%m-%Y}" for q in missing]
    return dg.AssetCheckResult(
        asset_key=STAGING["uwv"].key,
        check_name=ON_TIME,
        passed=not missing,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "ontbrekend": len(missing),
            "kwartalen": ", ".join(str(q) for q in missing)[:4000] or "none",
            "verwacht": dg.MetadataValue.md("\n".join(f"- {line}" for line in lines) or "none"),
            "peildatum": today.isoformat(),
        },
        description=(
            f"No UWV delivery for {len(missing)} quarter(s) that were due by {today:%d-%m-%Y}: "
            + "; ".join(lines[:8])
            + (" …" if len(lines) > 8 else "")
            if missing
            else None
        ),
    )


def check_results(
    con: duckdb.DuckDBPyConnection, tables: dict[str, SuiteOutcome], run_id: str, today: dt.date
) -> list[dg.AssetCheckResult]:
    """Every staging check: the rejections per supplier, the overdue UWV quarters, and each staging
    table's suite outcome (``tables``, by suite)."""
    results = [rejections_check(con, bron, run_id) for bron in STAGING] + [overdue_check(con, today)]
    return results + [
        to_check_result(SUITE_KEYS[suite], f"gx_{suite}", outcome) for suite, outcome in tables.items()
    ]


STAGING_CHECKS = (
    *(
        dg.AssetCheckSpec(
            ACCEPTED,
            asset=spec.key,
            description="Red while a delivery of this supplier is rejected and no later delivery of its "
            "quarter was accepted; the metadata names the file, the line or cell, and the rule.",
        )
        for spec in STAGING.values()
    ),
    dg.AssetCheckSpec(
        ON_TIME,
        asset=STAGING["uwv"].key,
        description="Warns while a UWV quarter whose publication was due by the run's date (about "
        "3.5 months after the quarter ended) has no delivery; names each quarter and its due date.",
    ),
    *(
        dg.AssetCheckSpec(
            f"gx_{suite}",
            asset=key,
            description=f"expectations/{suite}.json on the whole table. A critical failure fails the "
            "delivery step, so nothing downstream is built.",
        )
        for suite, key in SUITE_KEYS.items()
    ),
)
"""The delivery step's checks (a tuple: Dagster's autoloading takes module-level lists as definitions)."""


def checks_alone(
    con: duckdb.DuckDBPyConnection, validator, run_id: str, selected: Set[dg.AssetCheckKey]
) -> list[dg.AssetCheckResult]:
    """The checks the UI asked for on their own, on the tables as they stand (nothing is loaded)."""
    results = check_results(con, validate_tables(con, validator, run_id), run_id, dt.date.today())
    return [r for r in results if dg.AssetCheckKey(r.asset_key, r.check_name) in selected]
