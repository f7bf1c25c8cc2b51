"""Marts: tables that answer the ministers' questions.

Most are SQL (``warehouse/marts/<name>.sql`` replaces the table and documents it); the projections
are computed in Python (``projections.py``, statsmodels) and typed and documented by their SQL file.
"""

from __future__ import annotations

import re

import duckdb

from . import projections
from .db import run_sql, sql_text, transaction

MARTS = ["landelijk_kwartaal", "realisatie_regio", "revisies", "realisatie_sector", "realisatie_rijk"]
"""Built from staging."""
ANALYSES = [
    "markt_overheid",
    "jaarmeting_vergelijking",
    "projectie",
    "projectie_backtest",
    "projectie_kalibratie",
    "projectie_doel",
    "reconciliatie",
    "microdata_banen",
    "microdata_reconciliatie",
    "microdata_duurzaamheid",
]
"""Built from the marts above (after their checks passed), in this order."""
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
