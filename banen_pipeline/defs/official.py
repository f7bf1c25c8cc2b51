"""The official measure (UWV's jaarmeting) and its nowcast backtest: marts computed in Python
(``banen_pipeline/official``), one multi-asset. Its SQL files type and document the frames."""

from collections.abc import Iterator

import duckdb

from .. import marts, official
from .marts import mart_step, specs


def _build(con: duckdb.DuckDBPyConnection, names: list[str]) -> Iterator[str]:
    from ..official import measure  # pandas: imported when a run builds, not when the code loads

    for name in names:
        with marts.building(con):
            measure.build(con, name)
        yield name


SPECS = specs(official.TABLES)
build_official = mart_step(
    "official",
    SPECS,
    "The official measure per year and segment, its nowcast for the quarters after the last jaarmeting, "
    "and the nowcast's backtest.",
    _build,
)
