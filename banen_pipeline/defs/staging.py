"""The staging tables: each partitioned by its supplier's periods (``defs/partitions``), and marked
per period by the delivery step.

They are external assets: no step "materializes" a range of periods of them, so a period without a
delivery is never shown as materialized. The delivery step logs a materialization of each period
that got a delivery (:func:`period_materializations`), with that period's own row count.
"""

import datetime as dt

import dagster as dg
import duckdb

from .. import lineage, microdata
from ..db import declared_comment, sql_text
from ..deliveries import SUPPLIERS, Status
from ..ingest import Outcome
from .partitions import FRESHNESS, PARTITIONS, add_periods
from .tables import (
    LEVERINGEN,
    MICRODATA,
    NO_ROWS,
    OWNERS,
    code_version,
    content_versions,
    group_of,
    table_metadata,
)


def _spec(
    table: str,
    inputs: lineage.Inputs,
    partitions: dg.PartitionsDefinition,
    freshness: dg.FreshnessPolicy | None = None,
) -> dg.AssetSpec:
    return dg.AssetSpec(
        table.split("."),
        deps=[LEVERINGEN],
        group_name=group_of(table.replace(".", "/")),
        owners=OWNERS,
        kinds={"duckdb"},
        partitions_def=partitions,
        freshness_policy=freshness,
        description=declared_comment(table),
        code_version=code_version(inputs),
    )


STAGING = {
    bron: _spec(
        s.staging_table, lineage.staging_inputs(s.table, (s.suite,)), PARTITIONS[bron], FRESHNESS[bron]
    )
    for bron, s in SUPPLIERS.items()
}
"""Each supplier's staging asset (``staging.<table>``), by supplier."""
MICRODATA_SPEC = _spec(
    "staging.microdata_aggregaat",
    lineage.staging_inputs(
        "microdata", (microdata.SUITE, microdata.SAMPLE_SUITE), modules=("banen_pipeline.microdata",)
    ),
    PARTITIONS["microdata"],
)
STAGING_SPECS = [*STAGING.values(), MICRODATA_SPEC]
"""Every staging asset (this list is what Dagster loads)."""
WRITTEN_BY = {".".join(spec.key.path): spec.key for spec in STAGING_SPECS} | {
    "staging.microdata_duurzaamheid": MICRODATA
}
"""The asset that stands for each staging table a mart may read."""


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
) -> list[dg.AssetMaterialization | dg.AssetObservation]:
    """Per staging table, a materialization and an observation of each period to mark
    (:func:`_to_mark`, :func:`_period_events`), with that period's own metadata: its rows, this
    run's files of it and their status, the current file, the number of loaded versions."""
    events = []
    for bron, supplier in SUPPLIERS.items():
        key = STAGING[bron].key
        held = {p for (p,) in con.execute(sql_text("queries/geleverde_perioden"), {"bron": bron}).fetchall()}
        loaded = {o.periode for o in outcomes if o.bron == bron and o.status == Status.GELADEN}
        periods = _to_mark(context, key, bron, held, loaded)
        if not periods:
            continue
        table = table_metadata(con, supplier.staging_table)
        content = content_versions(con, supplier.staging_table, supplier.period_column)
        for periode, deze_run, actueel, versies in con.execute(
            sql_text("queries/per_periode"), {"bron": bron, "perioden": periods, "run_id": context.run.run_id}
        ).fetchall():
            metadata = {
                "periode": periode,
                "deze run": ", ".join(deze_run) or "no file of this period in this run",
                "actueel": actueel,
                "versies": versies,
            }
            events.extend(_period_events(key, periode, table | metadata, content.get(periode, NO_ROWS)))
    held = {q for (q,) in con.execute(sql_text("queries/microdata_kwartalen")).fetchall()}
    quarters = _to_mark(context, MICRODATA, "microdata", held, set(aggregated))
    if quarters:
        table = table_metadata(con, "staging.microdata_aggregaat")
        content = content_versions(con, "staging.microdata_aggregaat", "kwartaal")
        for quarter in quarters:
            source = "aggregated from the extract in this run" if quarter in aggregated else "an earlier run"
            metadata = table | {"kwartaal": quarter, "uit": source}
            events.extend(_period_events(MICRODATA, quarter, metadata, content.get(quarter, NO_ROWS)))
    # every observation before every materialization: a mart records the latest materialization of
    # what it reads, and a data version observed after it would show the mart stale
    return sorted(events, key=lambda event: isinstance(event, dg.AssetMaterialization))


def _period_events(
    key: dg.AssetKey, period: str, metadata: dict, content: tuple[int, dg.DataVersion]
) -> list[dg.AssetMaterialization | dg.AssetObservation]:
    """One period's materialization, with its own row count, and an observation of its data version
    (from its rows): Dagster reads an external asset's data version from observations only, and
    with it shows the marts that read the period as stale when it changes, and only then."""
    rows, version = content
    return [
        dg.AssetMaterialization(
            asset_key=key, partition=period, metadata=metadata | {"dagster/row_count": rows}
        ),
        dg.AssetObservation(asset_key=key, partition=period, tags={lineage.DATA_VERSION_TAG: version.value}),
    ]
