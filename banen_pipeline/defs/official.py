"""The official measure (UWV's jaarmeting) and its nowcast backtest: marts computed in Python
(``banen_pipeline/official``), one multi-asset. Its SQL files type and document the frames."""

from collections.abc import Iterator, Set

import dagster as dg
import duckdb

from .. import marts, official
from . import projections as projection_step
from .marts import mart_step, specs


def _build(con: duckdb.DuckDBPyConnection, names: list[str]) -> Iterator[str]:
    from ..official import measure  # pandas: imported when a run builds, not when the code loads

    for name in names:
        with marts.building(con):
            measure.build(con, name)
        yield name


def _begin_projections(con: duckdb.DuckDBPyConnection, run: Set[dg.AssetKey]) -> None:
    """When the run builds the projections too, their fits start in the worker now: they read what
    the official measure reads, and run while this step and its checks are built (the projections'
    step collects them)."""
    if run & {spec.key for spec in projection_step.SPECS.values()}:
        from ..projections import fits

        fits.begin_fits(con)


SPECS = specs(official.TABLES)
build_official = mart_step(
    "official",
    SPECS,
    "The official measure per year and segment, its nowcast for the quarters after the last jaarmeting, "
    "and the nowcast's backtest.",
    _build,
    meanwhile=_begin_projections,
)
