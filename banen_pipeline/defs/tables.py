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
MICRODATA = dg.AssetKey(["staging", "microdata_aggregaat"])
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


def content_versions(
    con: duckdb.DuckDBPyConnection, table: str, by: str | None = None
) -> dict[str | None, tuple[int, dg.DataVersion]]:
    """Rows and data version from the content of a table, as a whole (key None) or per value of its
    column ``by``: the row count and the sum of the rows' hashes, which change with any row and not
    with their order. Dagster compares data versions to tell which assets are stale."""
    group = f"CAST({quote_ident(by)} AS VARCHAR)" if by else "NULL"
    sql = f"SELECT {group}, count(*), sum(hash(t)) FROM {quote_ident(table)} AS t GROUP BY ALL"
    return {
        key: (rows, dg.DataVersion(f"{rows}-{digest}")) for key, rows, digest in con.execute(sql).fetchall()
    }


NO_ROWS = (0, dg.DataVersion("0-0"))
"""The rows and data version of an empty table, or of a period without rows."""


def table_version(con: duckdb.DuckDBPyConnection, table: str) -> dg.DataVersion:
    """A whole table's data version (:func:`content_versions`)."""
    return content_versions(con, table).get(None, NO_ROWS)[1]
