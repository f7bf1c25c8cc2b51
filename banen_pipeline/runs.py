"""``meta.runs``: every run of the pipeline in the warehouse, whoever started it.

The run's delivery step records its start, origin and counts (:func:`record_start`); its end is
recorded by ``banen run`` itself, or for runs the Dagster daemon launched by the run status sensors
(:func:`record_end`). Both are idempotent per run id, so a run recorded twice (``banen run`` on a
DAGSTER_HOME whose daemon also watches it) stays one row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb

from .db import run_sql, sql_text, transaction

CLI_TAG = "banen/herkomst"
"""Set to ``cli`` on the runs ``banen run`` starts."""
_COUNTS = {"geladen": "geladen", "afgewezen": "afgewezen", "dubbel": "dubbel", "al_gezien": "al gezien"}
"""meta.runs' count columns and the delivery status each counts."""


def origin(tags: Mapping[str, str]) -> str:
    """Who started a run, from its Dagster tags."""
    if tags.get(CLI_TAG):
        return tags[CLI_TAG]
    if "dagster/sensor_name" in tags:
        return f"sensor {tags['dagster/sensor_name']}"
    if "dagster/schedule_name" in tags:
        return f"schedule {tags['dagster/schedule_name']}"
    if "dagster/backfill" in tags:
        return f"backfill {tags['dagster/backfill']}"
    return "ui"


def quarters(tags: Mapping[str, str]) -> str | None:
    """The quarters a run covers, as ``first..last``."""
    first, last = (
        tags.get("dagster/asset_partition_range_start"),
        tags.get("dagster/asset_partition_range_end"),
    )
    if first and last:
        return first if first == last else f"{first}..{last}"
    return tags.get("dagster/partition")


def record_start(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tags: Mapping[str, str],
    begin: dt.datetime | None,
    counts: Mapping[str, int],
) -> None:
    """The delivery step's row: origin, start, quarters, and what happened to the deliveries."""
    with transaction(con):
        run_sql(con, "meta/updates/run_vergeten", {"run_id": run_id})
        run_sql(
            con,
            "meta/updates/run_begonnen",
            {
                "run_id": run_id,
                "herkomst": origin(tags),
                "begin": begin,
                "kwartalen": quarters(tags),
                **{key: counts.get(status, 0) for key, status in _COUNTS.items()},
            },
        )


def record_end(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tags: Mapping[str, str],
    succeeded: bool,
    begin: dt.datetime | None,
    einde: dt.datetime,
) -> None:
    """A run ended: its status and end on its row, or a row of its own when no delivery step wrote one."""
    status = "geslaagd" if succeeded else "mislukt"
    with transaction(con):
        # (no UPDATE ... RETURNING: DuckLake does not support it)
        known = con.execute(sql_text("queries/run_bekend"), {"run_id": run_id}).fetchone()[0]
        run_sql(con, "meta/updates/run_afgelopen", {"run_id": run_id, "status": status, "einde": einde})
        if not known:
            run_sql(
                con,
                "meta/updates/run_zonder_leveringen",
                {
                    "run_id": run_id,
                    "herkomst": origin(tags),
                    "begin": begin,
                    "einde": einde,
                    "status": status,
                    "kwartalen": quarters(tags),
                },
            )


def utc(timestamp: float | None) -> dt.datetime | None:
    """A Dagster run record's time (seconds since the epoch) as a naive UTC timestamp."""
    return None if timestamp is None else dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None)
