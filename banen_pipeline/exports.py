"""Parquet exports of every mart for BI tools, written atomically, with a manifest.

Layout: ``<exports>/<table>/<table>.parquet`` and ``<exports>/manifest.json``. ``<exports>`` is a
symlink to a complete version folder beside it (``.<name>-versions/<id>``); a new export is written
in full to a new version folder, and the link is swapped in one ``rename``. A reader therefore sees
the old export or the new one, never a mix; files it already opened stay readable.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from pathlib import Path

import duckdb

from .db import quote_ident
from .deliveries import sha256_of

BI_TYPES = {"BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP"}
"""Column types every BI tool reads; an export with another type is a bug in a mart."""
KEEP_VERSIONS = 2


def _versions_dir(exports: Path) -> Path:
    return exports.parent / f".{exports.name}-versions"


def export_schema(con: duckdb.DuckDBPyConnection, schema: str, exports: Path) -> dict:
    """Export every table of ``schema``; return the manifest."""
    versions = _versions_dir(exports)
    version = versions / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    version.mkdir(parents=True)
    tables = [
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
            "ORDER BY table_name",
            [schema],
        ).fetchall()
    ]
    manifest: dict = {"schema": schema, "tables": []}
    for table in tables:
        columns = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, table],
        ).fetchall()
        bad = [f"{name} {kind}" for name, kind in columns if kind not in BI_TYPES]
        if bad:
            raise TypeError(f"{schema}.{table} has column types BI tools cannot read: {bad}")
        target = version / table / f"{table}.parquet"
        target.parent.mkdir()
        qualified = quote_ident(f"{schema}.{table}")
        con.execute(
            f"COPY (SELECT * FROM {qualified} ORDER BY ALL) TO $target (FORMAT parquet)",
            {"target": str(target)},
        )
        rows = con.execute(f"SELECT count(*) FROM {qualified}").fetchone()[0]
        manifest["tables"].append(
            {
                "table": f"{schema}.{table}",
                "path": f"{table}/{target.name}",
                "rows": rows,
                "columns": [{"name": name, "type": kind} for name, kind in columns],
                "sha256": {f"{table}/{target.name}": sha256_of(target)},
            }
        )
    (version / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _swap_link(exports, version)
    _prune(versions, keep=version)
    return manifest


def _swap_link(exports: Path, version: Path) -> None:
    if exports.exists() and not exports.is_symlink():
        # An export folder from before versioning (or made by hand): keep it among the versions.
        exports.rename(_versions_dir(exports) / f"legacy-{uuid.uuid4().hex[:8]}")
    tmp_link = exports.with_name(f".{exports.name}.{uuid.uuid4().hex[:8]}.link")
    tmp_link.symlink_to(os.path.relpath(version, exports.parent))
    os.replace(tmp_link, exports)


def _prune(versions: Path, keep: Path) -> None:
    """Keep the newest versions; readers may still hold files of the previous one."""
    old = sorted((p for p in versions.iterdir() if p != keep), key=lambda p: p.stat().st_mtime)
    for path in old[: max(0, len(old) - (KEEP_VERSIONS - 1))]:
        shutil.rmtree(path, ignore_errors=True)
