"""Assets in the order the data flows: reference -> deliveries into raw/staging -> marts -> exports.

The staging tables and the marts are each one multi-asset (one step for all their tables): every
step costs Dagster a fixed overhead, and DuckDB has one writer anyway. Each table is still its own
asset in the graph and can be materialised on its own.
"""

from pathlib import Path

import dagster as dg

from .. import exports, marts
from ..checks import validator_for
from ..deliveries import scan_landing
from ..ingest import ingest, load_regions
from ..reference import load_reference
from .partitions import quarterly
from .resources import POOL, FoldersResource, WarehouseResource

REFERENTIE = dg.AssetKey(["referentie", "tabellen"])

STAGING = {
    "uwv": dg.AssetSpec(
        ["staging", "uwv_kwartaal"],
        deps=[REFERENTIE],
        group_name="staging",
        kinds={"duckdb"},
        description="UWV's quarterly figures (CSV trend reports and XLSX dashboard exports) into raw and "
        "staging.uwv_kwartaal, one transaction per delivery, every version kept.",
    ),
    "rijk": dg.AssetSpec(
        ["staging", "rijk_monitor"],
        deps=[REFERENTIE],
        group_name="staging",
        kinds={"duckdb"},
        description="The quarterly Monitor Banenafspraak Rijk (XLSX) into raw and staging.rijk_monitor.",
    ),
    "sectoren": dg.AssetSpec(
        ["staging", "sector_rapportage"],
        deps=[REFERENTIE],
        group_name="staging",
        kinds={"duckdb"},
        description="The yearly reports of the 13 public sectors (CSV) into raw and staging.sector_rapportage. "
        "A yearly report belongs to the partition of its fourth quarter (it measures 31 December).",
    ),
}
SUITES = {
    "uwv": "staging_uwv_kwartaal",
    "rijk": "staging_rijk_monitor",
    "sectoren": "staging_sector_rapportage",
}
"""The suite every delivery of a supplier must pass before it becomes current."""

MART_DEPS = {
    "landelijk_kwartaal": [STAGING["uwv"].key, REFERENTIE],
    "realisatie_sector": [STAGING["sectoren"].key, REFERENTIE],
    "realisatie_rijk": [STAGING["rijk"].key],
}
MARTS = {
    name: dg.AssetSpec(
        ["marts", name],
        deps=MART_DEPS[name],
        group_name="marts",
        kinds={"duckdb"},
        description=f"marts.{name}, rebuilt by warehouse/marts/{name}.sql.",
    )
    for name in marts.MARTS
}


@dg.asset(key=REFERENTIE, group_name="referentie", pool=POOL, kinds={"duckdb"})
def referentie_tabellen(warehouse: WarehouseResource, folders: FoldersResource) -> dg.MaterializeResult:
    """Published reference facts (targets, regions, jaarmetingen, provenance) as tables in ``referentie``."""
    with warehouse.warehouse.writer() as con:
        warehouse.warehouse.init_schema(con)
        counts = load_reference(con, Path(folders.reference))
    return dg.MaterializeResult(metadata={f"rows {table}": count for table, count in counts.items()})


@dg.multi_asset(
    specs=list(STAGING.values()),
    partitions_def=quarterly,
    backfill_policy=dg.BackfillPolicy.single_run(),
    can_subset=True,
    pool=POOL,
    name="leveringen",
)
def leveringen(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """Every supplier's files whose quarter is in this run, one transaction per delivery, validated
    before they become current. Files with a name no format knows are recorded as rejected."""
    keys = set(context.partition_keys)
    selected = {bron for bron, spec in STAGING.items() if spec.key in context.selected_asset_keys}
    files = [
        f
        for f in scan_landing(Path(folders.landing))
        if f.partition is None or (f.bron in selected and f.partition in keys)
    ]
    validator = validator_for(Path(folders.expectations))

    def validate(con, deliveries):
        reports = {}
        for bron in sorted({d.bron for d in deliveries}):
            bestanden = [d.bestand for d in deliveries if d.bron == bron]
            reports |= validator.validate_by(con, SUITES[bron], {"bestanden": bestanden}, "bestand")
        return reports

    with warehouse.warehouse.writer() as con:
        warehouse.warehouse.init_schema(con)
        outcomes = ingest(
            con, files, load_regions(Path(folders.reference)), run_id=context.run.run_id, validate=validate
        )
    for outcome in outcomes:
        message = f"{outcome.bestand}: {outcome.status}"
        if outcome.reden:
            context.log.warning(f"{message} - {outcome.reden}")
        else:
            context.log.info(message)
    for bron in sorted(selected):
        mine = [o for o in outcomes if o.bron == bron]
        counts = {s: sum(o.status == s for o in mine) for s in ("geladen", "afgewezen", "dubbel")}
        yield dg.MaterializeResult(asset_key=STAGING[bron].key, metadata={**counts, "nieuw": len(mine)})


@dg.multi_asset(specs=list(MARTS.values()), can_subset=True, pool=POOL, name="marts")
def build_marts(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """The marts that answer the ministers' questions, each rebuilt by its SQL file."""
    with warehouse.warehouse.writer() as con:
        for name, spec in MARTS.items():
            if spec.key in context.selected_asset_keys:
                rows = marts.build_mart(con, name)
                yield dg.MaterializeResult(asset_key=spec.key, metadata={"rows": rows})


MART_KEYS = [spec.key for spec in MARTS.values()]


@dg.asset(key=["exports", "parquet"], deps=MART_KEYS, group_name="exports", pool=POOL, kinds={"parquet"})
def parquet_exports(warehouse: WarehouseResource, folders: FoldersResource) -> dg.MaterializeResult:
    """Every mart as Parquet under the exports folder, swapped in atomically, with ``manifest.json``."""
    with warehouse.warehouse.writer() as con:
        manifest = exports.export_schema(con, "marts", Path(folders.exports))
    return dg.MaterializeResult(
        metadata={t["table"]: t["rows"] for t in manifest["tables"]} | {"path": folders.exports}
    )


@dg.asset(key=["checks", "data_docs"], deps=MART_KEYS, group_name="exports", kinds={"html"})
def data_docs(folders: FoldersResource) -> dg.MaterializeResult:
    """Great Expectations data docs of every validation in this run: ``data_docs/index.html``."""
    index = validator_for(Path(folders.expectations)).build_data_docs(folders.data_docs)
    return dg.MaterializeResult(metadata={"index": str(index) if index else "no validations in this run"})


ASSETS = [referentie_tabellen, leveringen, build_marts, parquet_exports, data_docs]
