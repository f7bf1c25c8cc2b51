"""Running the projections: the fits in the worker process (forked over every core), once for the
four marts, each then typed and documented by its SQL file."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable

import duckdb
import pandas as pd

from .. import worker
from ..db import run_sql, sql_text
from ..official.measure import Inputs, read_inputs
from . import INPUTS, TABLES, projection


def _history(con: duckdb.DuckDBPyConnection) -> tuple[Inputs, dict[int, dict[str, int]]]:
    targets = {
        int(row[0]): {"doel_markt": row[1], "doel_overheid": row[2], "doel_totaal": row[3]}
        for row in con.execute(sql_text(INPUTS[-1])).fetchall()
    }
    return read_inputs(con), targets


def inputs_digest(inputs: Inputs, targets: dict) -> str:
    """The data the fits depend on (the official series' inputs and the targets): one computation
    serves the four marts built from the same data."""
    digest = hashlib.sha256()
    digest.update(inputs.jaren.to_csv().encode())
    digest.update(inputs.indicator.to_csv().encode())
    digest.update(json.dumps(inputs.q4, sort_keys=True).encode())
    digest.update(json.dumps(targets, sort_keys=True, default=str).encode())
    return digest.hexdigest()


_computed: dict[str, dict[str, pd.DataFrame]] = {}
"""The frames of the data in hand, by its digest (one computation serves all four tables)."""
_pending: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {}
"""Fits started by :func:`begin_fits` and not yet collected, by the digest of their data."""


def begin_fits(con: duckdb.DuckDBPyConnection) -> None:
    """Start the fits in the worker process (forked over every core) and return at once: the caller
    builds other marts meanwhile, and :func:`build` collects them. Fits begun and never collected
    (the run stopped first) are collected by the next :func:`build` of the same data, or dropped."""
    history, targets = _history(con)
    digest = inputs_digest(history, targets)
    if digest not in _computed and digest not in _pending:
        _pending.clear()
        _pending[digest] = worker.shared().begin(
            projection.compute, history, targets, len(os.sched_getaffinity(0))
        )


def _frames(history: Inputs, targets: dict) -> dict[str, pd.DataFrame]:
    """The four marts' frames for these data: from memory, from fits begun earlier, or fitted now."""
    digest = inputs_digest(history, targets)
    if digest in _pending:
        frames = _pending.pop(digest)()
    elif digest in _computed:
        frames = _computed[digest]
    else:
        frames = worker.shared().call(projection.compute, history, targets, len(os.sched_getaffinity(0)))
    _computed.clear()
    _computed[digest] = frames
    return frames


def build(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Replace one projection mart: its SQL file types and documents the frame computed here
    (registered as ``_frame``). The fitting runs in the worker process, where statsmodels shares
    scipy with Great Expectations, forked over every core; :func:`begin_fits` starts it early. All
    four marts come from one computation per run."""
    if name not in TABLES:
        raise ValueError(f"no projection named {name}")
    history, targets = _history(con)
    con.register("_frame", _frames(history, targets)[name])
    try:
        run_sql(con, f"marts/{name}")
    finally:
        con.unregister("_frame")
