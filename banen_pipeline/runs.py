"""``meta.runs``: every run of the pipeline in the warehouse, whoever started it.

The run's delivery step records its start, origin and counts (:func:`record_start`); its end is
recorded by ``banen run`` itself, or for every other run (launched by the webserver or the daemon,
or executed by Dagster's CLI) by the run status sensors while the daemon runs (:func:`record_end`).
Both are idempotent per run id, so a run recorded twice (``banen run`` on a DAGSTER_HOME whose
daemon also watches it) stays one row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb

from .db import run_sql, sql_text, transaction
from .deliveries import COUNTED

CLI_TAG = "banen/herkomst"
"""Set to ``cli`` on the runs ``banen run`` starts."""
FIRST_TAG, LAST_TAG = "banen/kwartaal_van", "banen/kwartaal_tot"
"""The quarters a run loads deliveries of, ``first..last``; a run without them (the UI's
*Materialize all*) loads every quarter in the landing folder."""


def origin(tags: Mapping[str, str], launched: bool) -> str:
    """Who started a run, from its Dagster tags, and whether Dagster's webserver or daemon launched
    it (``launched``: the run has a remote origin). A run neither launched nor started by ``banen
    run`` was executed in a process of its own: ``dagster asset materialize`` or ``dagster job
    execute`` (or Python's ``execute_in_process``)."""
    if tags.get(CLI_TAG):
        return tags[CLI_TAG]
    if "dagster/sensor_name" in tags:
        return f"sensor {tags['dagster/sensor_name']}"
    if "dagster/schedule_name" in tags:
        return f"schedule {tags['dagster/schedule_name']}"
    if "dagster/backfill" in tags:
        return f"backfill {tags['dagster/backfill']}"
    return "ui" if launched else "dagster cli"


def launched(run) -> bool:
    """Whether Dagster's webserver or daemon launched ``run`` (a ``DagsterRun``): it then has a
    remote origin. A run executed in a process of its own (``banen run``, ``dagster asset
    materialize``) has none."""
    return run.remote_job_origin is not None


def range_tags(first: str, last: str) -> dict[str, str]:
    """The tags that make a run load the deliveries of the quarters ``first..last``."""
    return {FIRST_TAG: first, LAST_TAG: last}


def range_of(tags: Mapping[str, str]) -> tuple[str, str] | None:
    """The quarters ``(first, last)`` a run loads, from its tags; None: every quarter."""
    first, last = tags.get(FIRST_TAG), tags.get(LAST_TAG)
    return (first, last) if first and last else None


def quarters(tags: Mapping[str, str]) -> str | None:
    """The quarters a run covers, as ``first..last`` (None: all)."""
    found = range_of(tags)
    if found is None:
        return None
    first, last = found
    return first if first == last else f"{first}..{last}"


def record_start(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tags: Mapping[str, str],
    begin: dt.datetime | None,
    counts: Mapping[str, int],
    launched: bool,
) -> None:
    """The delivery step's row: origin, start, quarters, and what happened to the deliveries."""
    with transaction(con):
        run_sql(con, "meta/updates/run_vergeten", {"run_id": run_id})
        run_sql(
            con,
            "meta/updates/run_begonnen",
            {
                "run_id": run_id,
                "herkomst": origin(tags, launched),
                "begin": begin,
                "kwartalen": quarters(tags),
                **{status.column: counts.get(status, 0) for status in COUNTED},
            },
        )


def record_end(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tags: Mapping[str, str],
    succeeded: bool,
    begin: dt.datetime | None,
    einde: dt.datetime,
    launched: bool,
    fout: list[str] = (),
) -> None:
    """A run ended: its status, end and why it failed (``fout``: each failed step's
    ``failures.Failure.line``) on its row, or a row of its own when no delivery step wrote one."""
    status = "geslaagd" if succeeded else "mislukt"
    fout = "; ".join(fout) or None
    with transaction(con):
        # (no UPDATE ... RETURNING: DuckLake does not support it)
        known = con.execute(sql_text("queries/run_bekend"), {"run_id": run_id}).fetchone()[0]
        run_sql(
            con,
            "meta/updates/run_afgelopen",
            {"run_id": run_id, "status": status, "begin": begin, "einde": einde, "fout": fout},
        )
        if not known:
            run_sql(
                con,
                "meta/updates/run_zonder_leveringen",
                {
                    "run_id": run_id,
                    "herkomst": origin(tags, launched),
                    "begin": begin,
                    "einde": einde,
                    "status": status,
                    "kwartalen": quarters(tags),
                    "fout": fout,
                },
            )


def notified_by_banen_run(tags: Mapping[str, str]) -> bool:
    """``banen run`` sends its own run's messages; the run status sensors leave those runs alone."""
    return tags.get(CLI_TAG) == "cli"


def utc(timestamp: float | None) -> dt.datetime | None:
    """A Dagster run record's time (seconds since the epoch) as a naive UTC timestamp."""
    return None if timestamp is None else dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None)
