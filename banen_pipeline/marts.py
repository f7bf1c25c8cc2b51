"""Marts: tables that answer the ministers' questions.

A mart is its SQL file, ``warehouse/marts/<name>.sql`` (it replaces the table and documents it),
and its suite, ``expectations/marts_<name>.json``: the marts are the files found there, and the
order they are built in comes from the tables each reads. A mart whose SQL file reads a frame
(``sql_ast.FRAME``) is computed in Python, by the package that declares it among its ``TABLES``
(``official``, ``projections``: each is its own Dagster multi-asset); this module builds the others.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from graphlib import TopologicalSorter

import duckdb

from . import official, projections
from .config import SQL_DIR
from .db import run_sql, sql_text, transaction
from .sql_ast import FRAME, file_tables_read


def names() -> list[str]:
    """Every mart: the SQL files of ``warehouse/marts/`` (``_macros.sql`` is not a mart)."""
    return sorted(p.stem for p in (SQL_DIR / "marts").glob("*.sql") if not p.stem.startswith("_"))


def is_computed(name: str) -> bool:
    """Whether a mart is computed in Python: its SQL file reads the frame computed there."""
    return FRAME in file_tables_read(f"marts/{name}")


def sql_files(name: str) -> list[str]:
    """The SQL a mart is made from: its file and, for a mart computed in Python, the queries its
    package reads (``INPUTS``)."""
    inputs = next((c.INPUTS for c in (official, projections) if name in c.TABLES), ())
    return [f"marts/{name}", *inputs]


@functools.cache
def reads(name: str) -> frozenset[str]:
    """The warehouse tables a mart reads (``staging.uwv_kwartaal``, ``marts.landelijk_kwartaal``,
    ...), from its SQL files by DuckDB's parser (``sql_ast``): not a table named in a comment or a
    string, nor a CTE; the mart itself is left out."""
    found = frozenset().union(*(file_tables_read(f) for f in sql_files(name)))
    return frozenset(t for t in found if "." in t) - {f"marts.{name}"}


def is_analysis(name: str) -> bool:
    """Whether a mart reads other marts: it is built after their checks passed (the step
    ``analyses``); the others are built from staging and the reference facts (the step ``marts``)."""
    return any(table.startswith("marts.") for table in reads(name))


def order(wanted: list[str]) -> list[str]:
    """``wanted`` in an order that builds every mart after the marts it reads (ties by name)."""
    graph = {
        name: {t.removeprefix("marts.") for t in reads(name) if t.startswith("marts.")} & set(wanted)
        for name in wanted
    }
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    ready, out = set(), []
    while sorter.is_active():
        ready |= set(sorter.get_ready())
        name = min(ready)
        ready.discard(name)
        out.append(name)
        sorter.done(name)
    return out


class MartFailed(RuntimeError):
    """A mart's SQL raised: the message names its file and DuckDB's own words."""


@contextmanager
def building(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """A transaction to build a mart in, with the marts' macros (``warehouse/marts/_macros.sql``)."""
    with transaction(con):
        run_sql(con, "marts/_macros")
        yield


def build_mart(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rebuild one mart of SQL alone in a transaction; return its row count."""
    if is_computed(name):
        raise ValueError(f"marts.{name} is computed in Python: its package builds it")
    with building(con):
        try:
            run_sql(con, f"marts/{name}")
        except (duckdb.BinderException, duckdb.ParserException, duckdb.CatalogException,
                duckdb.ConversionException, duckdb.InvalidInputException) as exc:  # fmt: skip
            first = str(exc).strip().splitlines()[0]
            raise MartFailed(f"warehouse/marts/{name}.sql: {type(exc).__name__}: {first}") from exc
    return con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]


def build_each(con: duckdb.DuckDBPyConnection, wanted: list[str]) -> Iterator[str]:
    """Build the marts in :func:`order`, yielding each name once it is built."""
    for name in order(wanted):
        build_mart(con, name)
        yield name


@dataclass(frozen=True)
class HeldBack:
    """A mart held back by a failed check: its own (``broke``: the critical rules it broke), or that
    of a mart it reads (``via``). Its table is not exported again and the report says so."""

    mart: str
    broke: tuple[str, ...] = ()
    via: str | None = None


def held_back(con: duckdb.DuckDBPyConnection) -> dict[str, HeldBack]:
    """The marts whose latest check failed a critical rule, and every mart that reads one of them
    (directly or through another): Dagster does not rebuild a reader of a failed mart, so its rows are
    those of an earlier run."""
    held = {
        asset.removeprefix("marts/"): HeldBack(
            asset.removeprefix("marts/"),
            broke=tuple(
                e["beschrijving"] for e in json.loads(details or "[]") if e["severity"] == "critical"
            ),
        )
        for asset, details in con.execute(sql_text("queries/tegengehouden")).fetchall()
    }
    for name in order(names()):  # readers after what they read
        via = sorted(t.removeprefix("marts.") for t in reads(name) if t.removeprefix("marts.") in held)
        if name not in held and via:
            held[name] = HeldBack(name, via=via[0])
    return held
