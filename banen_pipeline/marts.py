"""Marts: tables that answer the ministers' questions, rebuilt from staging by ``warehouse/marts/*.sql``."""

from __future__ import annotations

import duckdb

from .db import run_sql, transaction

MARTS = ["landelijk_kwartaal", "realisatie_sector", "realisatie_rijk"]
"""Build order; each has ``warehouse/marts/<name>.sql`` that replaces the table and documents it."""


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rebuild one mart in a transaction; return its row count."""
    with transaction(con):
        run_sql(con, f"marts/{name}")
    return con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]
