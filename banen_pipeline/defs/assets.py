"""Assets in the order the data flows: reference -> deliveries into raw/staging -> marts -> exports."""

from pathlib import Path

import dagster as dg

from .. import exports, marts
from ..checks import validator_for
from ..deliveries import scan_landing
from ..ingest import ingest, load_regions
from ..reference import load_reference
from .checks import gx_check
from .partitions import quarterly
from .resources import POOL, FoldersResource, WarehouseResource

REFERENTIE = dg.AssetKey(["referentie", "tabellen"])
UWV_KWARTAAL = dg.AssetKey(["staging", "uwv_kwartaal"])
DELIVERY_SUITES = {"uwv": "staging_uwv_kwartaal"}
"""The suite each delivery of a supplier must pass before it becomes current."""


@dg.asset(key=REFERENTIE, group_name="referentie", pool=POOL, kinds={"duckdb"})
def referentie_tabellen(warehouse: WarehouseResource, folders: FoldersResource) -> dg.MaterializeResult:
    """Published reference facts (targets, regions, provenance) as tables in schema ``referentie``."""
    with warehouse.warehouse.writer() as con:
        warehouse.warehouse.init_schema(con)
        counts = load_reference(con, Path(folders.reference))
    return dg.MaterializeResult(metadata={f"rows {table}": count for table, count in counts.items()})


def ingest_source(
    context: dg.AssetExecutionContext, bron: str, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """Load the files of one supplier whose partition is in this run (plus unrecognised files)."""
    keys = set(context.partition_keys)
    files = [
        f
        for f in scan_landing(Path(folders.landing))
        if f.bron == bron and (f.partition in keys or f.partition is None)
    ]
    validator = validator_for(Path(folders.expectations))

    def validate(con, deliveries):
        bestanden = [d.bestand for d in deliveries]
        return validator.validate_by(con, DELIVERY_SUITES[bron], {"bestanden": bestanden}, "bestand")

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
    by_status = {s: sum(o.status == s for o in outcomes) for s in ("geladen", "afgewezen", "dubbel")}
    return dg.MaterializeResult(
        metadata={**by_status, "bestanden gezien": len(files), "nieuw": len(outcomes)}
    )


@dg.asset(
    key=UWV_KWARTAAL,
    deps=[REFERENTIE],
    partitions_def=quarterly,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="uwv",
    pool=POOL,
    kinds={"duckdb"},
)
def uwv_kwartaal(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """UWV's quarterly figures (CSV trend reports and XLSX dashboard exports) into ``raw`` and
    ``staging.uwv_kwartaal``, one transaction per delivery, every version kept."""
    return ingest_source(context, "uwv", warehouse, folders)


def mart_asset(name: str, deps: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(key=["marts", name], deps=deps, group_name="marts", pool=POOL, kinds={"duckdb"}, name=None)
    def _mart(warehouse: WarehouseResource) -> dg.MaterializeResult:
        with warehouse.warehouse.writer() as con:
            rows = marts.build_mart(con, name)
        return dg.MaterializeResult(metadata={"rows": rows})

    _mart.__doc__ = f"``marts.{name}``, rebuilt by ``warehouse/marts/{name}.sql``."
    return _mart


landelijk_kwartaal = mart_asset("landelijk_kwartaal", [UWV_KWARTAAL, REFERENTIE])
MART_ASSETS = [landelijk_kwartaal]


@dg.asset(
    key=["exports", "parquet"],
    deps=[a.key for a in MART_ASSETS],
    group_name="exports",
    pool=POOL,
    kinds={"parquet"},
)
def parquet_exports(warehouse: WarehouseResource, folders: FoldersResource) -> dg.MaterializeResult:
    """Every mart as Parquet under the exports folder, swapped in atomically, with ``manifest.json``."""
    with warehouse.warehouse.writer() as con:
        manifest = exports.export_schema(con, "marts", Path(folders.exports))
    return dg.MaterializeResult(
        metadata={t["table"]: t["rows"] for t in manifest["tables"]} | {"path": folders.exports}
    )


@dg.asset(
    key=["checks", "data_docs"],
    deps=[a.key for a in MART_ASSETS],
    group_name="exports",
    kinds={"html"},
)
def data_docs(folders: FoldersResource) -> dg.MaterializeResult:
    """Great Expectations data docs of every validation in this run: ``data_docs/index.html``."""
    index = validator_for(Path(folders.expectations)).build_data_docs(folders.data_docs)
    return dg.MaterializeResult(metadata={"index": str(index) if index else "no validations in this run"})


ASSETS = [referentie_tabellen, uwv_kwartaal, *MART_ASSETS, parquet_exports, data_docs]
CHECKS = [
    gx_check(UWV_KWARTAAL, "staging_uwv_kwartaal"),
    gx_check(landelijk_kwartaal.key, "marts_landelijk_kwartaal"),
]
