"""The marts: each SQL file of ``warehouse/marts/`` is an asset, whose upstream assets are the
tables its SQL reads (``marts.reads``), never kept by hand.

They are built by two steps, each one multi-asset (every step costs Dagster a fixed overhead, and
DuckDB has one writer anyway): ``marts`` builds those that read staging and the reference facts,
``analyses`` those that read other marts, after the blocking checks of the marts they read passed.
Each table is still its own asset in the graph and can be materialised on its own.
"""

import dagster as dg

from .. import lineage, marts
from ..db import declared_comment
from .resources import POOL, WarehouseResource
from .staging import WRITTEN_BY
from .tables import (
    LEVERINGEN,
    OWNERS,
    REFERENTIE,
    code_version,
    group_of,
    mart_key,
    table_metadata,
    table_version,
)


def _asset_of(mart: str, table: str) -> dg.AssetKey:
    schema, name = table.split(".")
    if schema == "referentie":
        return REFERENTIE
    if schema == "marts":
        return mart_key(name)
    if table in WRITTEN_BY:
        return WRITTEN_BY[table]
    raise ValueError(f"warehouse/marts/{mart}.sql reads {table}, which no asset writes")


def upstream(name: str) -> list[dg.AssetKey]:
    """A mart's upstream assets: the tables its SQL reads."""
    return sorted({_asset_of(name, table) for table in marts.reads(name)}, key=lambda k: k.to_user_string())


def _deps(name: str) -> list[dg.AssetKey]:
    """The tables a mart reads, and the delivery step when it reads a staging table: the staging
    assets are marked by that step, so the step is what a mart must wait for."""
    found = upstream(name)
    return found + ([LEVERINGEN] if set(found) & set(WRITTEN_BY.values()) else [])


def _spec(name: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        mart_key(name),
        deps=_deps(name),
        group_name=group_of(mart_key(name)),
        owners=OWNERS,
        kinds={"duckdb"},
        description=declared_comment(f"marts.{name}"),
        code_version=code_version(lineage.mart_key(name)),
    )


FROM_STAGING = {name: _spec(name) for name in marts.names() if not marts.is_analysis(name)}
"""The marts built from staging and the reference facts, by name."""
FROM_MARTS = {name: _spec(name) for name in marts.names() if marts.is_analysis(name)}
"""The marts built from other marts, by name."""


def _step(step: str, specs: dict[str, dg.AssetSpec], description: str) -> dg.AssetsDefinition:
    @dg.multi_asset(
        specs=list(specs.values()), can_subset=True, pool=POOL, name=step, description=description
    )
    def _build(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        selected = [name for name, spec in specs.items() if spec.key in context.selected_asset_keys]
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            for name in marts.build_each(con, selected):
                yield dg.MaterializeResult(
                    asset_key=specs[name].key,
                    metadata=table_metadata(con, f"marts.{name}"),
                    data_version=table_version(con, f"marts.{name}"),
                )

    return _build


build_marts = _step("marts", FROM_STAGING, "Marts built from staging and the reference facts.")
build_analyses = _step(
    "analyses",
    FROM_MARTS,
    "Marts built from other marts, after their blocking checks passed: the official measure and its "
    "nowcast, markt/overheid, the jaarmeting comparison, projections and their backtests, reconciliation.",
)
