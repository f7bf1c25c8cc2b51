"""Marts: tables that answer the ministers' questions.

Most are SQL (``warehouse/marts/<name>.sql`` replaces the table and documents it); the projections
are computed in Python (``projections.py``, statsmodels) and typed and documented by their SQL file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import duckdb

from . import projections
from .db import run_sql, sql_text, transaction

MARTS = ["landelijk_kwartaal", "realisatie_regio", "revisies", "realisatie_sector", "realisatie_rijk"]
"""Built from staging."""
ANALYSES = [
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
PYTHON_BUILT = set(projections.MARTS)


_TABLE = re.compile(r"\b(meta|raw|staging|referentie|marts)\.([a-z_][a-z0-9_]*)\b", re.IGNORECASE)


def sql_files(name: str) -> list[str]:
    """The SQL a mart is made from: its file and, for a mart computed in Python, its input queries."""
    return [f"marts/{name}", *(projections.INPUTS if name in PYTHON_BUILT else ())]


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
        if name in PYTHON_BUILT:
            projections.build(con, name)
        else:
            run_sql(con, f"marts/{name}")
    return con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]


def build_each(con: duckdb.DuckDBPyConnection, names: list[str]) -> Iterator[str]:
    """Build the marts in this order, yielding each name once it is built. When projections are
    among them, their fits start in the worker as soon as the marts they read are built, and run
    while the marts between are built (and the caller describes them)."""
    fitted = [name for name in names if name in PYTHON_BUILT]
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
