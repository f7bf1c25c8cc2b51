"""Marts: tables that answer the ministers' questions.

Most are SQL (``warehouse/marts/<name>.sql`` replaces the table and documents it); the official
measure (``official.py``) and the projections (``projections.py``, statsmodels) are computed in Python
and typed and documented by their SQL file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from . import intervals, official, projections
from .db import run_sql, sql_text, transaction

MARTS = [
    "landelijk_kwartaal",
    "kwartaalschatting",
    "realisatie_regio",
    "revisies",
    "realisatie_sector",
    "realisatie_rijk",
]
"""Built from staging."""
ANALYSES = [
    "officiele_meting",
    "nowcast_backtest",
    "markt_overheid",
    "jaarmeting_vergelijking",
    "reconciliatie",
    "microdata_banen",
    "microdata_reconciliatie",
    "microdata_duurzaamheid",
    "projectie",
    "projectie_backtest",
    "projectie_kalibratie",
    "projectie_doel",
]
"""Built from the marts above (after their checks passed), in this order: the projections last, so
that their fits run while the others are built (:func:`build_each`)."""
COMPUTED = {name: module for module in (official, projections) for name in module.MARTS}
"""The marts computed in Python, and the module that computes each."""
CODE = {official: (official, intervals), projections: (projections, official, intervals)}
"""The modules each computing module's result depends on."""


_TABLE = re.compile(r"\b(meta|raw|staging|referentie|marts)\.([a-z_][a-z0-9_]*)\b", re.IGNORECASE)


def sql_files(name: str) -> list[str]:
    """The SQL a mart is made from: its file and, for a mart computed in Python, its input queries."""
    return [f"marts/{name}", *(COMPUTED[name].INPUTS if name in COMPUTED else ())]


def code_files(name: str) -> tuple[Path, ...]:
    """The Python a mart computed in Python is made by (none for a SQL mart)."""
    return tuple(Path(m.__file__) for m in CODE[COMPUTED[name]]) if name in COMPUTED else ()


def reads(name: str) -> set[str]:
    """The tables a mart reads (``staging.uwv_kwartaal``, ``marts.landelijk_kwartaal``, ...), from
    its SQL files; comments and string literals (table comments name other tables) are left out, and
    so is the mart itself."""
    text = "\n".join(re.sub(r"--[^\n]*|'(?:[^']|'')*'", "", sql_text(f)) for f in sql_files(name))
    return {f"{schema.lower()}.{table.lower()}" for schema, table in _TABLE.findall(text)} - {f"marts.{name}"}


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rebuild one mart in a transaction; return its row count."""
    with transaction(con):
        run_sql(con, "marts/_macros")
        if name in COMPUTED:
            COMPUTED[name].build(con, name)
        else:
            run_sql(con, f"marts/{name}")
    return con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]


def build_each(con: duckdb.DuckDBPyConnection, names: list[str]) -> Iterator[str]:
    """Build the marts in this order, yielding each name once it is built. When projections are
    among them, their fits start in the worker as soon as the marts they read are built, and run
    while the marts between are built (and the caller describes them)."""
    fitted = [name for name in names if name in projections.MARTS]
    waiting_for = {t.removeprefix("marts.") for name in fitted for t in reads(name)} & set(names)
    try:
        for name in names:
            if fitted and not waiting_for:
                projections.begin_fits(con)
                fitted = []
            build_mart(con, name)
            waiting_for.discard(name)
            yield name
    finally:  # a failed mart must not leave the worker busy with fits nobody collects
        projections.settle()
