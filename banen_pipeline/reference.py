"""Published reference facts (``sources/reference``) as tables analysts can join, in ``referentie``."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .db import run_sql, transaction

TABLES = [
    "doelen",
    "regios",
    "herkomst_kwartaal",
    "jaarmeting",
    "inleen_verdeelsleutel",
    "nulmeting",
    "gepubliceerd_kwartaal",
    "gepubliceerd_sectoren",
    "publicaties",
]
"""Each has ``warehouse/referentie/<name>.sql``; ``comments.sql`` documents them all."""


def load_reference(con: duckdb.DuckDBPyConnection, reference_dir: Path) -> dict[str, int]:
    """Replace the reference tables from the CSV files in one transaction; return row counts."""
    with transaction(con):
        for table in TABLES:
            run_sql(con, f"referentie/{table}", {"reference_dir": str(reference_dir)})
        run_sql(con, "referentie/comments")
    return {
        table: con.execute(f"SELECT count(*) FROM referentie.{table}").fetchone()[0]  # noqa: S608 (constant names)
        for table in TABLES
    }
