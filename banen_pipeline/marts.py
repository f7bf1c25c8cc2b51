"""Marts: tables that answer the ministers' questions.

Most are SQL (``warehouse/marts/<name>.sql`` replaces the table and documents it); the projections
are computed in Python (``projections.py``, statsmodels) and typed and documented by their SQL file.
"""

from __future__ import annotations

import duckdb

from . import projections
from .db import run_sql, transaction

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


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rebuild one mart in a transaction; return its row count."""
    with transaction(con):
        run_sql(con, "marts/_macros")
        if name in PYTHON_BUILT:
            projections.build(con, name)
        else:
            run_sql(con, f"marts/{name}")
    return con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]
