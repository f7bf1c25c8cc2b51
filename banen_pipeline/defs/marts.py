"""The marts: each SQL file of ``warehouse/marts/`` is an asset, whose upstream assets are the
tables its SQL reads (``marts.reads``), never kept by hand.

The marts of SQL alone are built by two steps, each one multi-asset (every step costs Dagster a fixed
overhead, and DuckDB has one writer anyway): ``marts`` builds those that read staging and the
reference facts, ``analyses`` those that read other marts, after the blocking checks of the marts
they read passed. The marts computed in Python are multi-assets of their own (``defs/official.py``,
``defs/projections.py``), made by :func:`mart_step` too. Each table is its own asset in the graph and can
be materialised on its own.
"""

from collections.abc import Callable, Iterable, Iterator, Set

import dagster as dg
import duckdb

from .. import lineage, marts
from ..db import declared_comment
from .resources import POOL, WarehouseResource
from .staging import WRITTEN_BY
from .tables import (
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


def _spec(name: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        mart_key(name),
        deps=upstream(name),
        group_name=group_of(mart_key(name)),
        owners=OWNERS,
        kinds={"duckdb"},
        description=declared_comment(f"marts.{name}"),
        code_version=code_version(lineage.mart_key(name)),
    )


def specs(names: Iterable[str]) -> dict[str, dg.AssetSpec]:
    """The asset specs of the marts ``names``, by name."""
    return {name: _spec(name) for name in names}


_OF_SQL = [name for name in marts.names() if not marts.is_computed(name)]
FROM_STAGING = specs(name for name in _OF_SQL if not marts.is_analysis(name))
"""The marts of SQL built from staging and the reference facts, by name."""
FROM_MARTS = specs(name for name in _OF_SQL if marts.is_analysis(name))
"""The marts of SQL built from other marts, by name."""

Build = Callable[[duckdb.DuckDBPyConnection, list[str]], Iterator[str]]
"""Builds the marts named, yielding each name once it is built."""


def mart_step(
    step: str,
    specs: dict[str, dg.AssetSpec],
    description: str,
    build: Build,
    meanwhile: Callable[[duckdb.DuckDBPyConnection, Set[dg.AssetKey]], None] | None = None,
) -> dg.AssetsDefinition:
    """A multi-asset step that builds the marts of ``specs`` it is asked for with ``build``, and
    reports each with its table's metadata and a data version from its content. ``meanwhile``:
    work it starts first (in the worker process), given the assets the whole run builds."""

    @dg.multi_asset(
        specs=list(specs.values()), can_subset=True, pool=POOL, name=step, description=description
    )
    def _build(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        selected = [name for name, spec in specs.items() if spec.key in context.selected_asset_keys]
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            if meanwhile is not None:
                meanwhile(con, context.job_def.asset_layer.selected_asset_keys)
            for name in build(con, selected):
                yield dg.MaterializeResult(
                    asset_key=specs[name].key,
                    metadata=table_metadata(con, f"marts.{name}"),
                    data_version=table_version(con, f"marts.{name}"),
                )

    return _build


build_marts = mart_step(
    "marts", FROM_STAGING, "Marts built from staging and the reference facts.", marts.build_each
)
build_analyses = mart_step(
    "analyses",
    FROM_MARTS,
    "Marts of SQL built from other marts, after their blocking checks passed: markt/overheid, the "
    "jaarmeting comparison, reconciliation.",
    marts.build_each,
)
