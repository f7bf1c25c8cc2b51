"""The staging tables: partitioned by quarter, and marked per quarter by the delivery step.

They are external assets: no step "materializes" a range of quarters of them, so a quarter
without a delivery is never shown as materialized. The delivery step logs a materialization of
each quarter that got a delivery (:func:`period_materializations`).
"""

import dagster as dg
import duckdb

from .. import lineage, microdata
from ..db import declared_comment, sql_text
from ..deliveries import SUPPLIERS, Status
from ..ingest import Outcome
from .partitions import quarterly
from .tables import LEVERINGEN, MICRODATA, OWNERS, code_version, group_of, table_metadata


def _spec(table: str, inputs: lineage.Inputs) -> dg.AssetSpec:
    return dg.AssetSpec(
        table.split("."),
        deps=[LEVERINGEN],
        group_name=group_of(table.replace(".", "/")),
        owners=OWNERS,
        kinds={"duckdb"},
        partitions_def=quarterly,
        description=declared_comment(table),
        code_version=code_version(inputs),
    )


STAGING = {
    bron: _spec(s.staging_table, lineage.staging_inputs(s.table, (s.suite,))) for bron, s in SUPPLIERS.items()
}
"""Each supplier's staging asset (``staging.<table>``), by supplier."""
MICRODATA_SPEC = _spec(
    "staging.microdata_aggregaat",
    lineage.staging_inputs(
        "microdata", (microdata.SUITE, microdata.SAMPLE_SUITE), modules=("banen_pipeline.microdata",)
    ),
)
STAGING_SPECS = [*STAGING.values(), MICRODATA_SPEC]
"""Every staging asset (this list is what Dagster loads)."""
WRITTEN_BY = {".".join(spec.key.path): spec.key for spec in STAGING_SPECS} | {
    "staging.microdata_duurzaamheid": MICRODATA
}
"""The asset that stands for each staging table a mart may read."""


def _to_mark(
    context: dg.AssetExecutionContext, key: dg.AssetKey, held: set[str], loaded: set[str], partition_for=str
) -> list[str]:
    """Of the periods the warehouse holds of a staging table, those to mark materialized: loaded in
    this run, or not shown yet by this Dagster instance (a new DAGSTER_HOME over a loaded warehouse);
    only those within the partitions."""
    keys = set(quarterly.get_partition_keys())
    shown = context.instance.get_materialized_partitions(key)
    return sorted(
        p for p in held if partition_for(p) in keys and (p in loaded or partition_for(p) not in shown)
    )


def period_materializations(
    context: dg.AssetExecutionContext,
    con: duckdb.DuckDBPyConnection,
    outcomes: list[Outcome],
    aggregated: list[str],
) -> list[dg.AssetMaterialization]:
    """Per staging table, a materialization of each quarter to mark (:func:`_to_mark`), with that
    quarter's own metadata: this run's files of it and their status, the current file, the number of
    loaded versions."""
    events = []
    for bron, supplier in SUPPLIERS.items():
        key = STAGING[bron].key
        held = {p for (p,) in con.execute(sql_text("queries/geleverde_perioden"), {"bron": bron}).fetchall()}
        loaded = {o.periode for o in outcomes if o.bron == bron and o.status == Status.GELADEN}
        periods = _to_mark(context, key, held, loaded, supplier.partition_for)
        if not periods:
            continue
        table = table_metadata(con, supplier.staging_table)
        rows = con.execute(
            sql_text("queries/per_periode"), {"bron": bron, "perioden": periods, "run_id": context.run.run_id}
        ).fetchall()
        for periode, deze_run, actueel, versies in rows:
            metadata = {
                "periode": periode,
                "deze run": ", ".join(deze_run) or "no file of this period in this run",
                "actueel": actueel,
                "versies": versies,
            }
            events.append(
                dg.AssetMaterialization(
                    asset_key=key, partition=supplier.partition_for(periode), metadata=metadata | table
                )
            )
    held = {q for (q,) in con.execute(sql_text("queries/microdata_kwartalen")).fetchall()}
    quarters = _to_mark(context, MICRODATA, held, set(aggregated))
    if quarters:
        table = table_metadata(con, "staging.microdata_aggregaat")
        for quarter in quarters:
            source = "aggregated from the extract in this run" if quarter in aggregated else "an earlier run"
            events.append(
                dg.AssetMaterialization(
                    asset_key=MICRODATA,
                    partition=quarter,
                    metadata={"kwartaal": quarter, "uit": source} | table,
                )
            )
    return events
