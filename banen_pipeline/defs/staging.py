"""The staging tables, and what each supplier delivered per period.

A staging table is an asset the delivery step materializes (unpartitioned: Dagster runs one
partitions definition per run, and one delivery step loads every supplier's files), with a data
version from its content. What a supplier delivered is an external asset of its own,
``landing/<bron>``, partitioned by the supplier's periods (``defs/partitions``): the supplier makes
it, and a period shows materialized when the warehouse holds a delivery of it. The delivery step
logs a materialization of each such period (:func:`period_materializations`), with its own row count.
"""

import datetime as dt
from collections.abc import Set

import dagster as dg
import duckdb

from ..db import declared_comment, sql_text
from ..deliveries import SUPPLIERS, Status
from ..ingest import Outcome
from ..lineage import MICRODATA_TABLE
from .partitions import FRESHNESS, PARTITIONS, add_periods
from .tables import (
    MICRODATA,
    OWNERS,
    code_version,
    group_of,
    rows_by,
    table_metadata,
    table_version,
)


def _landing(bron: str, table: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        [LANDING_PREFIX, bron],
        group_name=LANDING_PREFIX,
        owners=OWNERS,
        kinds={"file"},
        partitions_def=PARTITIONS[bron],
        freshness_policy=FRESHNESS.get(bron),
        description=f"What the supplier delivered into the landing folder, per period: a period is "
        f"materialized once the warehouse holds a delivery of it ({table}).",
    )


def _staging(table: str, landing: dg.AssetSpec) -> dg.AssetSpec:
    return dg.AssetSpec(
        table.split("."),
        deps=[landing.key],
        group_name=group_of(table.replace(".", "/")),
        owners=OWNERS,
        kinds={"duckdb"},
        description=declared_comment(table),
        code_version=code_version(table.replace(".", "/")),
        skippable=True,  # like the delivery step's register: a run with nothing new stops there
    )


LANDING_PREFIX = "landing"
LANDED = {bron: _landing(bron, s.staging_table) for bron, s in SUPPLIERS.items()}
LANDED["microdata"] = _landing("microdata", MICRODATA_TABLE)
"""What each supplier delivered, by supplier (``microdata``: the payroll extract's quarters)."""
LANDING_SPECS = list(LANDED.values())
"""The external assets (this list is what Dagster loads)."""
STAGING = {bron: _staging(s.staging_table, LANDED[bron]) for bron, s in SUPPLIERS.items()}
"""Each supplier's staging asset (``staging.<table>``), by supplier."""
STAGING_SPECS = (
    *STAGING.values(),
    _staging(MICRODATA_TABLE, LANDED["microdata"]),
)
"""Every staging asset: the delivery step's outputs besides its register (a tuple: Dagster's
autoloading takes module-level lists of specs as external assets)."""
WRITTEN_BY = {".".join(spec.key.path): spec.key for spec in STAGING_SPECS} | {
    "staging.microdata_duurzaamheid": MICRODATA
}
"""The asset that stands for each staging table a mart may read."""


def staging_results(con: duckdb.DuckDBPyConnection, selected: Set[dg.AssetKey]) -> list[dg.MaterializeResult]:
    """The staging tables the run selected, each with its table's metadata and a data version
    from its content: a mart that read an earlier version shows stale."""
    tables = {spec.key: ".".join(spec.key.path) for spec in STAGING_SPECS if spec.key in selected}
    return [
        dg.MaterializeResult(
            asset_key=key, metadata=table_metadata(con, table), data_version=table_version(con, table)
        )
        for key, table in tables.items()
    ]


def _to_mark(
    context: dg.AssetExecutionContext, key: dg.AssetKey, bron: str, held: set[str], loaded: set[str]
) -> list[str]:
    """Of the periods the warehouse holds of a staging table, those to mark materialized: loaded in
    this run, or not shown yet by this Dagster instance (a new DAGSTER_HOME over a loaded warehouse).
    First the supplier's partitions get every period due by today and every period held."""
    add_periods(context.instance, bron, held, dt.date.today())
    shown = context.instance.get_materialized_partitions(key)
    return sorted(p for p in held if p in loaded or p not in shown)


def period_materializations(
    context: dg.AssetExecutionContext,
    con: duckdb.DuckDBPyConnection,
    outcomes: list[Outcome],
    aggregated: list[str],
) -> list[dg.AssetMaterialization]:
    """Per supplier, a materialization of each period to mark (:func:`_to_mark`) of what it
    delivered, with that period's own metadata: its rows in staging, this run's files of it and
    their status, the current file, the number of loaded versions."""
    events = []
    for bron, supplier in SUPPLIERS.items():
        key = LANDED[bron].key
        held = {p for (p,) in con.execute(sql_text("queries/geleverde_perioden"), {"bron": bron}).fetchall()}
        loaded = {o.periode for o in outcomes if o.bron == bron and o.status == Status.GELADEN}
        periods = _to_mark(context, key, bron, held, loaded)
        if not periods:
            continue
        table = table_metadata(con, supplier.staging_table)
        rows = rows_by(con, supplier.staging_table, supplier.period_column)
        for periode, deze_run, actueel, versies in con.execute(
            sql_text("queries/per_periode"), {"bron": bron, "perioden": periods, "run_id": context.run.run_id}
        ).fetchall():
            metadata = {
                "periode": periode,
                "deze run": ", ".join(deze_run) or "no file of this period in this run",
                "actueel": actueel,
                "versies": versies,
            }
            events.append(_period(key, periode, table | metadata, rows.get(periode, 0)))
    held = {q for (q,) in con.execute(sql_text("queries/microdata_kwartalen")).fetchall()}
    key = LANDED["microdata"].key
    quarters = _to_mark(context, key, "microdata", held, set(aggregated))
    if quarters:
        table = table_metadata(con, MICRODATA_TABLE)
        rows = rows_by(con, MICRODATA_TABLE, "kwartaal")
        for quarter in quarters:
            source = "aggregated from the extract in this run" if quarter in aggregated else "an earlier run"
            metadata = table | {"kwartaal": quarter, "uit": source}
            events.append(_period(key, quarter, metadata, rows.get(quarter, 0)))
    return events


def _period(key: dg.AssetKey, period: str, metadata: dict, rows: int) -> dg.AssetMaterialization:
    """One period's materialization, with its own row count."""
    return dg.AssetMaterialization(
        asset_key=key, partition=period, metadata=metadata | {"dagster/row_count": rows}
    )
