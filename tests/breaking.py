"""One row made to break one expectation of a suite, whatever the suite: in a warehouse table (in a
transaction the caller rolls back), in a pandas frame, or in a Polars frame of a payroll extract.

The change follows from the expectation's type and arguments alone, so every expectation of every
suite has one: a cell set to NULL, pushed just outside its range or set, a value that does not match
the pattern, a row written twice, or a pair turned round."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl

from banen_pipeline.config import DEFAULTS
from banen_pipeline.db import quote_ident
from banen_pipeline.validation import load_suite_json

OUTSIDE_THE_SET = "buiten_de_set"


def suites(prefix: str, folder: Path = DEFAULTS["expectations"]) -> dict[str, dict]:
    """The suites of ``folder`` whose name starts with ``prefix``, by name."""
    return {p.stem: load_suite_json(folder, p.stem) for p in sorted(folder.glob(f"{prefix}*.json"))}


def rules(prefix: str, severity: str) -> list[tuple[str, dict]]:
    """(suite, expectation) for every expectation of ``severity`` in the suites named ``prefix*``."""
    return [
        (name, e)
        for name, suite in suites(prefix).items()
        for e in suite["expectations"]
        if e.get("severity") == severity
    ]


def rule_id(rule: tuple[str, dict]) -> str:
    suite, expectation = rule
    return f"{suite}: {expectation['meta']['beschrijving']}"


def columns(expectation: dict) -> list[str]:
    kwargs = expectation["kwargs"]
    return [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + kwargs.get(
        "column_list", []
    )


def _outside(expectation: dict, value: Any) -> Any:
    """A value the expectation refuses, of the type of ``value`` (a value the column holds)."""
    kwargs = expectation["kwargs"]
    kind = expectation["type"]
    if kind == "expect_column_values_to_be_between":
        if kwargs.get("min_value") is not None:
            return kwargs["min_value"] - 1
        return kwargs["max_value"] + 1
    if kind == "expect_column_values_to_be_in_set":
        if all(isinstance(v, bool) for v in kwargs["value_set"]):
            return not kwargs["value_set"][0]  # the set holds one of the two
        numbers = [v for v in kwargs["value_set"] if isinstance(v, int | float)]
        return max(numbers) + 1 if numbers else OUTSIDE_THE_SET
    if kind == "expect_column_values_to_match_regex":
        return OUTSIDE_THE_SET
    raise ValueError(f"no value outside {kind}")


def break_table(con: duckdb.DuckDBPyConnection, table: str, expectation: dict) -> None:
    """Change one row of ``table`` (``schema.name``) so that it breaks ``expectation``."""
    kind, kwargs = expectation["type"], expectation["kwargs"]
    name = quote_ident(table)
    column = columns(expectation)[0]
    row = con.execute(
        f"SELECT min(rowid) FROM {name} WHERE {' AND '.join(f'{quote_ident(c)} IS NOT NULL' for c in columns(expectation))}"
    ).fetchone()[0]
    if row is None:
        raise LookupError(f"{table} has no row with {columns(expectation)} filled")
    if kind in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        con.execute(f"INSERT INTO {name} SELECT * FROM {name} WHERE rowid = ?", [row])
    elif kind == "expect_column_values_to_not_be_null":
        con.execute(f"UPDATE {name} SET {quote_ident(column)} = NULL WHERE rowid = ?", [row])
    elif kind == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = quote_ident(kwargs["column_A"]), quote_ident(kwargs["column_B"])
        below = f"{b} - (CASE WHEN typeof({b}) = 'DATE' THEN INTERVAL 1 DAY ELSE 1 END)"
        con.execute(
            f"UPDATE {name} SET {a} = {below if kwargs.get('or_equal') else b} WHERE rowid = ?", [row]
        )
    else:
        value = con.execute(f"SELECT {quote_ident(column)} FROM {name} WHERE rowid = ?", [row]).fetchone()[0]
        con.execute(
            f"UPDATE {name} SET {quote_ident(column)} = ? WHERE rowid = ?",
            [_outside(expectation, value), row],
        )


def break_frame(frame: pd.DataFrame, expectation: dict) -> pd.DataFrame:
    """A copy of a suite's pandas frame whose first row with the expectation's columns filled breaks it."""
    kind, kwargs = expectation["type"], expectation["kwargs"]
    frame = frame.copy()
    row = frame.dropna(subset=columns(expectation)).index[0]
    column = columns(expectation)[0]
    if kind in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        return pd.concat([frame, frame.loc[[row]]], ignore_index=True)
    if kind == "expect_column_values_to_not_be_null":
        frame[column] = frame[column].astype(object)
        frame.at[row, column] = None
    elif kind == "expect_column_pair_values_a_to_be_greater_than_b":
        b = frame.at[row, kwargs["column_B"]]
        step = (
            pd.Timedelta(days=1)
            if isinstance(b, pd.Timestamp | pd.Timedelta) or hasattr(b, "isoformat")
            else 1
        )
        frame.at[row, kwargs["column_A"]] = b - step if kwargs.get("or_equal") else b
    else:
        value = _outside(expectation, frame.at[row, column])
        if isinstance(value, str):
            frame[column] = frame[column].astype(object)
        elif not isinstance(value, bool) and value != int(
            value
        ):  # -1.5 below a range of -0.5..0.5 in a column of whole numbers
            frame[column] = frame[column].astype(float)
        frame.at[row, column] = value
    return frame


def break_extract_row(frame: pl.DataFrame, expectation: dict) -> pl.DataFrame:
    """A payroll extract's rows whose first row breaks ``expectation`` (a row rule)."""
    kind = expectation["type"]
    column = columns(expectation)[0]
    first = pl.int_range(pl.len()) == 0
    if kind == "expect_column_values_to_not_be_null":
        value = pl.lit(None, dtype=frame.schema[column])
    else:
        outside = _outside(expectation, frame[column][0])
        value = pl.lit(outside) if isinstance(outside, str) else pl.lit(outside).cast(frame.schema[column])
    return frame.with_columns(pl.when(first).then(value).otherwise(pl.col(column)).alias(column))
