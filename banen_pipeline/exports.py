"""Parquet exports of every mart for BI tools, written atomically, described where BI tools look.

Layout: ``<exports>/<table>/<table>.parquet``, ``<exports>/datapackage.json`` (a Frictionless Data
Package: path, sha256, rows and a Table Schema per file) and ``<exports>/manifest.json`` (names,
types, rows and sha256, the shape this project had first). Every Parquet file carries its table's and columns'
comments as key-value metadata: ``table``, ``description`` and ``description:<column>``.

``<exports>`` is a symlink to a complete version folder beside it (``.<name>-versions/<id>``); a new
export is written in full to a new version folder, and the link is swapped in one ``rename``. A reader
therefore sees the old export or the new one, never a mix; files it already opened stay readable.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Mapping
from pathlib import Path

import duckdb

from .db import quote_ident, table_columns, table_comment
from .deliveries import sha256_of
from .files import new_version
from .validation import required_columns

TABLE_SCHEMA_TYPES = {
    "BOOLEAN": "boolean",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "DOUBLE": "number",
    "VARCHAR": "string",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}
"""Column types every BI tool reads, with their Frictionless Table Schema type; an export with another
type is a bug in a mart."""
PACKAGE_NOTE = (
    "Regional and sectoral splits in the sample data are synthetic, national totals as published "
    "(sources/reference/provenance_quarterly.csv says which quarters)."
)


def export_schema(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    exports: Path,
    suites: Path,
    held_back: Mapping[str, str] | None = None,
) -> dict:
    """Export every table of ``schema``; return the manifest. ``suites``: the expectations folder,
    whose critical not-null rules say which fields the data package marks as required.
    ``held_back``: tables a failed check holds back, with the reason: each keeps the file of the
    export before (none when there was none), and the manifest and the data package say why."""
    with new_version(exports) as version:
        return _write(con, schema, version, suites, exports, held_back or {})


def _write(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    version: Path,
    suites: Path,
    previous: Path,
    held_back: Mapping[str, str],
) -> dict:
    """Every table of ``schema`` as Parquet into the folder ``version``, with the two descriptions;
    a table held back is copied from the ``previous`` export, or left out when it has none."""
    tables = [
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
            "ORDER BY table_name",
            [schema],
        ).fetchall()
    ]
    manifest: dict = {"schema": schema, "tables": [], "held_back": []}
    resources: list[dict] = []
    for table in tables:
        path = f"{table}/{table}.parquet"
        if table in held_back:
            kept = (previous / path).is_file()
            manifest["held_back"].append(
                {
                    "table": f"{schema}.{table}",
                    "reason": held_back[table],
                    "file": "previous export" if kept else None,
                }
            )
            if not kept:
                continue
        columns = table_columns(con, schema, table)
        bad = [f"{name} {kind}" for name, kind, _ in columns if kind not in TABLE_SCHEMA_TYPES]
        if bad:
            raise TypeError(f"{schema}.{table} has column types BI tools cannot read: {bad}")
        description = table_comment(con, schema, table)
        target = version / path
        target.parent.mkdir()
        qualified = quote_ident(f"{schema}.{table}")
        if table in held_back:  # the file as exported before; its description says why
            shutil.copyfile(previous / path, target)
            rows = con.execute("SELECT count(*) FROM read_parquet($p)", {"p": str(target)}).fetchone()[0]
            description = f"{description} Held back: {held_back[table]}; this is the export before."
        else:
            metadata = {"table": f"{schema}.{table}", "description": description} | {
                f"description:{name}": comment for name, _, comment in columns
            }
            con.execute(
                f"COPY (SELECT * FROM {qualified} ORDER BY ALL) TO $target (FORMAT parquet, KV_METADATA $metadata)",
                {"target": str(target), "metadata": metadata},
            )
            rows = con.execute(f"SELECT count(*) FROM {qualified}").fetchone()[0]
        digest = sha256_of(target)
        manifest["tables"].append(
            {
                "table": f"{schema}.{table}",
                "path": path,
                "rows": rows,
                "columns": [{"name": name, "type": kind} for name, kind, _ in columns],
                "sha256": {path: digest},
            }
        )
        required = required_columns(suites, f"{schema}_{table}")
        resources.append(
            {
                "name": table,
                "path": path,
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "description": description,
                "hash": f"sha256:{digest}",
                "rows": rows,
                "schema": {
                    # frictionless reads Parquet through pandas, where a NULL in an integer column
                    # becomes the text "nan" (tdwg/camtrap-dp#408); no exported text column holds "nan"
                    "missingValues": ["", "nan"],
                    "fields": [
                        {
                            "name": name,
                            "type": TABLE_SCHEMA_TYPES[kind],
                            "description": comment,
                            "constraints": {"required": name in required},
                        }
                        for name, kind, comment in columns
                    ],
                },
            }
        )
    manifest["held_back"] += [  # held back before their first build
        {"table": f"{schema}.{table}", "reason": reason, "file": None}
        for table, reason in held_back.items()
        if table not in tables
    ]
    package = {
        "name": f"banenafspraak-{schema}",
        "title": f"Banenafspraak warehouse: {schema}",
        "description": f"Every table of the schema {schema} as Parquet. {PACKAGE_NOTE}",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "resources": resources,
    }
    (version / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    (version / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
