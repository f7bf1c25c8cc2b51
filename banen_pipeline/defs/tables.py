"""The warehouse's tables as Dagster sees them: the keys the steps refer to, Dagster's table
metadata, each table's code version from its declared inputs (``lineage``), and its data version
from its content."""

import dagster as dg
import duckdb

from .. import lineage
from ..config import Settings
from ..db import quote_ident, table_columns

REFERENTIE = dg.AssetKey.from_user_string(lineage.REFERENTIE)
LEVERINGEN = dg.AssetKey.from_user_string(lineage.LEVERINGEN)
"""The delivery step's own asset: the register of every delivered file."""
MICRODATA = dg.AssetKey(lineage.MICRODATA_TABLE.split("."))
OWNERS = ["team:banenafspraak-data"]
"""Who answers for every asset: the data team that runs the warehouse (Dagster shows it per asset)."""


def group_of(key: str | dg.AssetKey) -> str:
    """An asset's group in the UI: its key's prefix (marts/…, staging/…, exports/…), one rule."""
    return (key.path if isinstance(key, dg.AssetKey) else key.split("/"))[0]


def mart_key(name: str) -> dg.AssetKey:
    return dg.AssetKey.from_user_string(lineage.mart_key(name))


def code_version(key: str | lineage.Inputs) -> str:
    """The code version Dagster shows: the digest of the asset's declared code and files."""
    inputs = key if isinstance(key, lineage.Inputs) else lineage.declared()[key]
    return lineage.code_version(inputs, Settings.from_env().expectations)


def table_metadata(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    """Dagster's table conventions for a warehouse table: row count, name, and the column schema
    with each column's type and comment."""
    schema, name = table.split(".")
    rows = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone()[0]
    columns = [
        dg.TableColumn(n, kind, description=comment or None)
        for n, kind, comment in table_columns(con, schema, name)
    ]
    return {
        "dagster/row_count": rows,
        "dagster/table_name": table,
        "dagster/column_schema": dg.TableSchema(columns=columns),
    }


def table_version(con: duckdb.DuckDBPyConnection, table: str) -> dg.DataVersion:
    """A table's data version from its content: the row count and the sum of the rows' hashes,
    which change with any row and not with their order. Dagster compares data versions to tell
    which assets are stale."""
    rows, digest = con.execute(
        f"SELECT count(*), coalesce(sum(hash(t)), 0) FROM {quote_ident(table)} AS t"
    ).fetchone()
    return dg.DataVersion(f"{rows}-{digest}")


def rows_by(con: duckdb.DuckDBPyConnection, table: str, column: str) -> dict[str, int]:
    """A table's row count per value of ``column`` (a period: its own ``dagster/row_count``)."""
    sql = f"SELECT CAST({quote_ident(column)} AS VARCHAR), count(*) FROM {quote_ident(table)} GROUP BY ALL"
    return dict(con.execute(sql).fetchall())
