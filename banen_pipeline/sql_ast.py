"""What a SQL file reads, from DuckDB's own parser (``json_serialize_sql``), never from its text: the
tables a statement reads, and the columns a mart computed in Python reads from its frame.

A comment, a string, a quoted identifier or a CTE named like a table cannot fool it: the parser has
already told them apart. Nothing is bound, so nothing needs to exist (tables, macros, the frame).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator

import duckdb

from .db import sql_literal, sql_text

FRAME = "_frame"
"""The name a mart computed in Python reads its frame by (registered while its SQL file runs)."""


class SqlParseError(ValueError):
    """DuckDB's parser rejected a statement: the message names the file and DuckDB's words."""


def _tokens(statement: str) -> list[tuple[str, duckdb.token_type, int]]:
    """DuckDB's tokens of ``statement``, comments left out: (text, kind, where it ends)."""
    tokens = duckdb.tokenize(statement)
    ends = [start for start, _ in tokens[1:]] + [len(statement)]
    return [
        (statement[start:end].strip(), kind, end)
        for (start, kind), end in zip(tokens, ends, strict=True)
        if kind != duckdb.token_type.comment
    ]


def _name(text: str) -> str:
    """An identifier as DuckDB reads it: unquoted, lower case unless quoted."""
    return text[1:-1].replace('""', '"') if text.startswith('"') else text.lower()


def _query_of_create(statement: str) -> str | None:
    """The query of ``CREATE [OR REPLACE] TABLE|VIEW name AS <query>``: what follows the statement's
    first keyword ``AS``, found by DuckDB's tokenizer (so not one inside a comment or a string)."""
    for text, kind, end in _tokens(statement):
        if kind == duckdb.token_type.keyword and text.upper() == "AS":
            return statement[end:]
    return None


def _qualified(tokens: list[tuple[str, duckdb.token_type, int]], at: int) -> str | None:
    """``schema.table`` from the tokens at ``at`` (identifier, dot, identifier)."""
    if len(tokens) > at + 2 and tokens[at + 1][0] == ".":
        return f"{_name(tokens[at][0])}.{_name(tokens[at + 2][0])}".lower()
    return None


def tables_created(sql: str) -> frozenset[str]:
    """The tables the ``CREATE [OR REPLACE] TABLE [IF NOT EXISTS] schema.table`` statements of
    ``sql`` create, by DuckDB's tokenizer."""
    created = set()
    for statement in duckdb.extract_statements(sql):
        tokens = _tokens(statement.query)
        words = [text.upper() for text, kind, _ in tokens]
        if statement.type != duckdb.StatementType.CREATE or "TABLE" not in words:
            continue
        at = words.index("TABLE") + 1
        at += 3 if words[at : at + 3] == ["IF", "NOT", "EXISTS"] else 0
        created.add(_qualified(tokens, at))
    return frozenset(created - {None})


def table_comments(sql: str) -> dict[str, str]:
    """The text of each ``COMMENT ON TABLE schema.table IS '...'`` of ``sql``, by table."""
    comments = {}
    for statement in duckdb.extract_statements(sql):
        tokens = _tokens(statement.query)
        if [text.upper() for text, _, _ in tokens[:3]] == ["COMMENT", "ON", "TABLE"]:
            table, literal = _qualified(tokens, 3), tokens[7][0] if len(tokens) > 7 else ""
            if table and literal.startswith("'"):
                comments[table] = literal[1:-1].replace("''", "'")
    return comments


@functools.cache
def _parser() -> duckdb.DuckDBPyConnection:
    """An in-memory database whose only use is its parser (opening one costs 10 ms; the code location
    parses some forty files)."""
    return duckdb.connect()


def parse(sql: str, where: str = "SQL") -> tuple[dict, ...]:
    """The parse tree of every query of ``sql``: each SELECT, and the query of each CREATE ... AS
    (the parser serialises SELECTs only). ``where``: the file, for the error."""
    con = _parser().cursor()  # the parser's entry point; nothing is bound
    found = []
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.ParserException as exc:
        raise SqlParseError(f"{where}: {str(exc).splitlines()[0]}") from exc
    for statement in statements:
        query = statement.query
        if statement.type == duckdb.StatementType.CREATE:
            query = _query_of_create(query)
        elif statement.type != duckdb.StatementType.SELECT:
            query = None
        if query is None:
            continue
        # the query as a literal, not a bound parameter: binding a Python value imports pandas
        # (0.27 s), and this runs when the code location loads
        tree = json.loads(con.execute(f"SELECT json_serialize_sql({sql_literal(query)})").fetchone()[0])
        if tree.get("error"):
            raise SqlParseError(f"{where}: {tree.get('error_message')}")
        found += [parsed["node"] for parsed in tree["statements"]]
    return tuple(found)


@functools.cache
def queries(name: str) -> tuple[dict, ...]:
    """The parse trees of ``warehouse/<name>.sql`` (:func:`parse`)."""
    return parse(sql_text(name), f"warehouse/{name}.sql")


def _nodes(tree) -> Iterator[dict]:
    """Every object of a parse tree, depth first."""
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _nodes(value)


def tables_read(sql: str) -> frozenset[str]:
    """The tables the queries of ``sql`` read, as ``schema.table`` (lower case), or as the bare name
    of a table named without a schema (``_frame``); the names of its CTEs are not tables."""
    return _tables(parse(sql))


@functools.cache
def file_tables_read(name: str) -> frozenset[str]:
    """The tables ``warehouse/<name>.sql`` reads (:func:`tables_read`)."""
    return _tables(queries(name))


def _tables(trees: tuple[dict, ...]) -> frozenset[str]:
    tables, ctes = set(), set()
    for tree in trees:
        for node in _nodes(tree):
            if "cte_map" in node:
                ctes |= {entry["key"].lower() for entry in node["cte_map"]["map"]}
            if node.get("type") == "BASE_TABLE":
                tables.add((node["schema_name"].lower(), node["table_name"].lower()))
    return frozenset(
        f"{schema}.{table}" if schema else table for schema, table in tables if schema or table not in ctes
    )


@functools.cache
def frame_columns(name: str) -> tuple[str, ...]:
    """The columns the SQL file of a mart computed in Python (``warehouse/<name>.sql``) reads from
    its frame, in the order it first names them: the columns its frame must have. The SQL file
    declares them, so Python does not again. (A name its ORDER BY takes from its own select list is
    not the frame's.)"""
    first: dict[str, int] = {}
    for tree in queries(name):
        for node in _nodes(tree):
            source = node.get("from_table") or {}
            if node.get("type") != "SELECT_NODE" or source.get("table_name") != FRAME:
                continue
            aliases = {expression.get("alias") for expression in node["select_list"]} - {""}
            for key, part in node.items():
                if key in ("from_table", "cte_map"):
                    continue
                for ref in _nodes(part):
                    column = ref.get("column_names", [""])[-1] if ref.get("class") == "COLUMN_REF" else None
                    if column and not (key == "modifiers" and column in aliases):
                        first[column] = min(first.get(column, ref["query_location"]), ref["query_location"])
    if not first:
        raise SqlParseError(f"warehouse/{name}.sql reads no columns from {FRAME}")
    return tuple(sorted(first, key=first.__getitem__))
