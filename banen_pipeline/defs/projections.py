"""The projections to 2026Q4, their backtest, calibration and the chance of reaching the targets:
marts computed in Python (``banen_pipeline/projections``, statsmodels in the worker process), one
multi-asset. Their SQL files type and document the frames."""

from collections.abc import Iterator

import duckdb

from .. import marts, projections
from .marts import mart_step, specs


def _build(con: duckdb.DuckDBPyConnection, names: list[str]) -> Iterator[str]:
    from ..projections import fits  # pandas and numpy: imported when a run builds, not when the code loads

    for name in names:
        with marts.building(con):
            fits.build(con, name)
        yield name


SPECS = specs(projections.TABLES)
build_projections = mart_step(
    "projections",
    SPECS,
    "Projections of extra banen on the official measure, their rolling-origin backtest, the "
    "calibration of their bands and the chance of reaching each target.",
    _build,
)
