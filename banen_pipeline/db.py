"""The warehouse: the one owner of DuckDB connections, and the runner of the SQL in ``warehouse/``.

Two backends, one SQL:
- embedded (default): one DuckDB file. DuckDB allows one writing process per file, so writers take a
  file lock first and wait for it with a message, instead of failing on DuckDB's own "Could not set
  lock on file"; readers fall back to the snapshot of the last run while a run writes.
- DuckLake: the catalog in a database (PostgreSQL in production), the data as Parquet files under a
  data path (a folder, or object storage through ``httpfs``). DuckDB loads the ``ducklake``,
  ``postgres`` and ``httpfs`` extensions offline from the ``duckdb-extension-*`` wheels (built for
  exactly this DuckDB version); nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
from filelock import FileLock, Timeout

from .config import SQL_DIR
from .files import copy_atomic, disk_full_as

log = logging.getLogger(__name__)

SCHEMAS = ("meta", "raw", "staging", "referentie", "marts")
DDL_LAYERS = ("meta", "raw", "staging")
"""Layers whose tables persist between runs; their SQL only creates what is missing."""


def sql_text(name: str) -> str:
    """The SQL of ``warehouse/<layer>/<name>.sql``, e.g. ``sql_text('marts/landelijk_kwartaal')``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def declared_comment(table: str) -> str | None:
    """The ``COMMENT ON TABLE`` a layer's SQL gives ``schema.table``, as written (before any run)."""
    return _declarations(declaring_file(table).read_text(encoding="utf-8"))[1].get(table.lower())


def declaring_file(table: str) -> Path:
    """The file of ``warehouse/<schema>/`` that creates ``schema.table``."""
    schema = table.split(".")[0]
    for path in sorted((SQL_DIR / schema).glob("*.sql")):
        if table.lower() in _declarations(path.read_text(encoding="utf-8"))[0]:
            return path
    raise ValueError(f"no file of warehouse/{schema}/ creates {table}")


@functools.cache
def _declarations(text: str) -> tuple[frozenset[str], dict[str, str]]:
    """The tables a SQL text creates and their comments, by DuckDB's tokenizer (once per text: the
    code location asks for every table's)."""
    from .sql_ast import table_comments, tables_created  # it reads SQL files through this module

    return tables_created(text), table_comments(text)


def declared_columns(table: str) -> dict[str, str]:
    """Column name -> DuckDB type of ``schema.table`` as its layer's SQL creates it (run in an
    in-memory database, before any warehouse exists): the one declaration of a table's columns."""
    schema, name = table.split(".")
    columns = _declared_schema(schema).get(name)
    if not columns:
        raise ValueError(f"no table {table} in warehouse/{schema}/*.sql")
    return columns


@functools.cache
def _declared_schema(schema: str) -> dict[str, dict[str, str]]:
    """Every table of a layer's SQL, with its columns and types: the layer's files run once."""
    with duckdb.connect() as con:
        con.execute(f"CREATE SCHEMA {quote_ident(schema)}")
        for path in sorted((SQL_DIR / schema).glob("*.sql")):
            con.execute(path.read_text(encoding="utf-8"))
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE schema_name = ? ORDER BY table_name, column_index",
            [schema],
        ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        tables.setdefault(table, {})[column] = kind
    return tables


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = ? AND table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def table_comment(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> str:
    row = con.execute(
        "SELECT comment FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = ?",
        [schema, table],
    ).fetchone()
    return (row[0] if row else None) or ""


def table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str, str]]:
    """(name, type, comment) of each column, in order."""
    return con.execute(
        "SELECT column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()


def quote_ident(name: str) -> str:
    """``raw.uwv`` -> ``"raw"."uwv"``: identifiers cannot be bound as parameters, so quote them."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


CATALOG = "warehouse"
"""Name the DuckLake catalog is attached under (embedded: the file's own name)."""


def sql_literal(value: str) -> str:
    """A quoted SQL string, for the few statements that take no bound parameters (ATTACH, LOAD), or
    where binding one costs too much (``sql_ast``: binding a Python value imports pandas)."""
    return "'" + value.replace("'", "''") + "'"


def _extension_file(package: str, name: str) -> Path:
    """The extension binary a ``duckdb-extension-<name>`` wheel ships, under the file name DuckDB
    derives the extension's entry point from (the postgres extension is ``postgres_scanner``)."""
    import importlib

    module = importlib.import_module(package)
    shipped = (
        Path(module.__file__).parent
        / "extensions"
        / f"v{duckdb.__version__}"
        / f"{package.split('_')[-1]}.duckdb_extension"
    )
    if not shipped.exists():
        raise RuntimeError(f"{package} has no extension for DuckDB {duckdb.__version__} ({shipped})")
    if shipped.stem == name:
        return shipped
    alias = (
        Path(tempfile.gettempdir())
        / f"banen-duckdb-extensions-{duckdb.__version__}"
        / f"{name}.duckdb_extension"
    )
    alias.parent.mkdir(parents=True, exist_ok=True)
    if not alias.exists():
        tmp = alias.with_name(f".{alias.name}.{os.getpid()}")
        tmp.symlink_to(shipped)
        os.replace(tmp, alias)
    return alias


class WarehouseBusy(RuntimeError):
    """A run holds the warehouse and no finished snapshot exists yet to read instead."""


class WarehouseDamaged(RuntimeError):
    """The warehouse file exists but DuckDB cannot read it (truncated, overwritten, not a database)."""


@dataclass(frozen=True)
class S3:
    """Object storage for DuckLake's Parquet files: AWS, or an S3-compatible server at ``endpoint``
    (a URL; ``http://`` turns TLS off; path-style bucket addresses, as MinIO and moto serve them)."""

    endpoint: str | None = None
    key_id: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    region: str = "us-east-1"

    def secret(self) -> str:
        """DuckDB's ``CREATE SECRET`` for this storage (a temporary secret: this connection's only)."""
        options = [f"REGION {sql_literal(self.region)}"]
        if self.key_id:
            options += [f"KEY_ID {sql_literal(self.key_id)}", f"SECRET {sql_literal(self.secret_key or '')}"]
        if self.endpoint:
            url = urlsplit(self.endpoint if "://" in self.endpoint else f"https://{self.endpoint}")
            options += [
                f"ENDPOINT {sql_literal(url.netloc)}",
                "URL_STYLE 'path'",
                f"USE_SSL {url.scheme == 'https'}",
            ]
        return f"CREATE OR REPLACE TEMPORARY SECRET banen_s3 (TYPE s3, {', '.join(options)})"


@dataclass(frozen=True)
class Warehouse:
    path: Path
    lock_timeout_s: float = 900.0
    ducklake: str | None = None
    """DuckLake catalog (``postgres:dbname=... host=...`` or a local ``.ducklake`` file); None: embedded."""
    ducklake_data: str | None = None
    """Where DuckLake writes its Parquet files (None: ``ducklake/`` beside the warehouse file)."""
    memory_limit: str | None = None
    """DuckDB's memory limit on the writing connection (None: DuckDB's own, 80% of the memory): an
    aggregation of the payroll extract spills to disk beyond it."""
    s3: S3 | None = None
    """Object storage for DuckLake's data, when ``ducklake_data`` is an ``s3://`` path."""

    @classmethod
    def of(cls, settings) -> Warehouse:
        """The warehouse a :class:`~banen_pipeline.config.Settings` describes."""
        return cls(
            Path(settings.warehouse),
            ducklake=settings.ducklake,
            ducklake_data=settings.ducklake_data,
            memory_limit=settings.duckdb_memory,
            s3=S3(settings.s3_endpoint, settings.s3_key_id, settings.s3_secret, settings.s3_region),
        )

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        if not self.ducklake:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" in str(exc).lower():
                    raise
                detail = str(exc).splitlines()[0]
                raise WarehouseDamaged(
                    f"The warehouse file {self.path} cannot be read ({detail}). "
                    "Run `banen herstel` to restore the last snapshot or rebuild it from the landing folder."
                ) from exc
        con = duckdb.connect()
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        con.execute(f"LOAD {sql_literal(str(_extension_file('duckdb_extension_ducklake', 'ducklake')))}")
        if self.ducklake.startswith("postgres:"):
            con.execute(
                f"LOAD {sql_literal(str(_extension_file('duckdb_extension_postgres', 'postgres_scanner')))}"
            )
        data = self.ducklake_data or str(self.path.parent / "ducklake")
        if data.startswith("s3://"):
            con.execute(f"LOAD {sql_literal(str(_extension_file('duckdb_extension_httpfs', 'httpfs')))}")
            con.execute((self.s3 or S3()).secret())
        options = [f"DATA_PATH {sql_literal(data)}"]
        if read_only:
            options.append("READ_ONLY")
        con.execute(f"ATTACH {sql_literal('ducklake:' + self.ducklake)} AS {CATALOG} ({', '.join(options)})")
        con.execute(f"USE {CATALOG}")
        return con

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @contextlib.contextmanager
    def _held(self, lock_path: Path, waiting: str, on_wait=None) -> Iterator[None]:
        """Hold a file lock; if another process has it, say ``waiting`` once and wait (bounded)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(lock_path)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            (on_wait or log.warning)(waiting)
            lock.acquire(timeout=self.lock_timeout_s)
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def writer(self, on_wait=None) -> Iterator[duckdb.DuckDBPyConnection]:
        """The single writing connection, held under the writer lock. ``on_wait`` hears, once, that
        another process holds it (a Dagster step passes its log, so the wait is an event of the run)."""
        waiting = (
            f"Another process holds {self.path} (a run writing, or a sensor reading it); "
            f"waiting up to {self.lock_timeout_s:.0f} s for it."
        )
        with self._held(self.lock_path, waiting, on_wait), disk_full_as(self.path.parent):
            con = self._connect(read_only=False)
            try:
                if self.memory_limit:
                    con.execute(f"SET memory_limit = {sql_literal(self.memory_limit)}")
                yield con
            finally:
                con.close()

    @property
    def run_lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".run.lock")

    @contextlib.contextmanager
    def run_lock(self, on_wait=None) -> Iterator[None]:
        """One ``banen run`` at a time per warehouse: a second one waits (bounded) for the first."""
        waiting = (
            f"Another banen run is using {self.path}; "
            f"waiting up to {self.lock_timeout_s:.0f} s for it to finish."
        )
        with self._held(self.run_lock_path, waiting, on_wait):
            yield

    @property
    def snapshot_path(self) -> Path:
        """A read copy of the warehouse, swapped in atomically at the end of every run."""
        return self.path.parent / "snapshot" / self.path.name

    def write_snapshot(self, con: duckdb.DuckDBPyConnection) -> Path | None:
        """Checkpoint (so the file holds every committed change) and copy it beside, then swap it in.
        Called by the writer, so nothing changes the file while it is copied. DuckLake needs none:
        its readers see the last committed snapshot while a run writes."""
        if self.ducklake:
            return None
        con.execute("CHECKPOINT")
        return copy_atomic(self.path, self.snapshot_path)

    def check_readable(self) -> None:
        """Raise :class:`WarehouseDamaged` if the warehouse file exists but cannot be opened. A file
        another process holds is not damaged."""
        if self.ducklake or not self.path.exists():
            return
        # held by a writer: then it is a database; under the writer lock, so no step finds it held
        with contextlib.suppress(WarehouseBusy, duckdb.IOException), self.brief_reader():
            pass

    @contextlib.contextmanager
    def brief_reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short read of the warehouse file itself (a sensor's tick), under the writer lock: DuckDB
        lets no process write while another holds the file, even read-only, so without the lock a
        step that starts writing at that moment would fail. Raises :class:`WarehouseBusy` at once
        while a writer holds the lock; a writer waits the few milliseconds this takes."""
        lock = FileLock(self.lock_path)
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise WarehouseBusy(f"A run is writing to {self.path}.") from exc
        try:
            con = self._connect(read_only=True)
            try:
                yield con
            finally:
                con.close()
        finally:
            lock.release()

    def reader(self, on_fallback=None) -> duckdb.DuckDBPyConnection:
        """A read-only connection. While a run holds the warehouse, DuckDB allows no other process
        in, so readers get the snapshot of the last finished run instead; before the first run has
        finished there is none, and :class:`WarehouseBusy` says so."""
        try:
            return self._connect(read_only=True)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if not self.snapshot_path.exists():
                raise WarehouseBusy(
                    f"The warehouse {self.path} is being built by a run and has no finished state yet; "
                    "try again when the run has finished."
                ) from exc
            (on_fallback or log.info)(
                f"A run is writing to {self.path.name}; reading the snapshot of the last finished run "
                f"({self.snapshot_path})."
            )
            return duckdb.connect(str(self.snapshot_path), read_only=True)

    def init_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        """Create the schemas and the persistent tables, with their comments. Idempotent; one
        transaction (on DuckLake every commit is a catalog transaction)."""
        with transaction(con):
            for schema in SCHEMAS:
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(schema)}")
            for layer in DDL_LAYERS:
                for path in sorted((SQL_DIR / layer).glob("*.sql")):
                    con.execute(path.read_text(encoding="utf-8"))


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")


def run_sql(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> None:
    """Run one SQL file. With params it must hold one statement (DuckDB binds per statement)."""
    if params:
        con.execute(sql_text(name), dict(params))
    else:
        con.execute(sql_text(name))


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: Any) -> None:
    """Insert a Polars (or Arrow) frame by column name."""
    arrow = frame.to_arrow() if hasattr(frame, "to_arrow") else frame
    con.register("_incoming", arrow)
    try:
        con.execute(f"INSERT INTO {quote_ident(table)} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")
