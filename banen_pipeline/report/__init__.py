"""The HTML report for people who would rather read: ``<work dir>/report/index.html``, in Dutch by
default (English with ``--taal en`` or BANEN_TAAL=en), printable to an A4 PDF.

A section per question, each opening with its answer in one sentence; every printed figure beside
ours with a difference marked; every figure naming the table it comes from. Self-contained: the
charts are inline SVG, nothing is loaded when the page is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from .. import worker
from ..files import write_atomic
from ..pages import environment
from ..texts import DEFAULT, Language
from .charts import Chart, import_libraries
from .content import ChartPlan, gather

__all__ = ["DRAWN_IN_WORKER", "Language", "build_report", "drawing", "import_libraries", "write_report"]

LONG_TABLE_ROWS = 40
"""A table with more rows stands in the appendix (landscape in the PDF); its section links to it."""

DRAWN_IN_WORKER = ("chart_sectors", "chart_projections", "chart_regions")
"""The slowest charts: the worker process draws them while this one exports and draws the others."""


@dataclass
class Drawn:
    """The report's content and its charts, by key: all it needs to be written."""

    content: dict[str, Any]
    charts: dict[str, Chart]
    language: Language


def draw(plans: list[ChartPlan]) -> list[Chart]:
    """Draw the planned charts (in the worker process, or here)."""
    return [function(*data) for function, data in plans]


@contextmanager
def drawing(
    con: duckdb.DuckDBPyConnection, language: Language | None = None, per: dt.date | None = None
) -> Iterator[Callable[[], Drawn]]:
    """Gather the report's content and start drawing the slowest charts in the worker; yields a
    function that draws the rest here and returns everything. The worker's answer is taken on
    leaving, even when the caller failed, so the worker is free again. The report is as read on
    ``per`` (default today): it says what had been published by then."""
    language = language or Language(DEFAULT)
    content, plans = gather(con, language, per or dt.date.today())
    there = [i for i, (function, _data) in enumerate(plans) if function.__name__ in DRAWN_IN_WORKER]
    pending = [worker.shared().begin(draw, [plans[i] for i in there])]

    def take() -> list[Chart]:
        """The worker's charts (once: its answer can be read only once)."""
        return pending.pop()() if pending else []

    def finish() -> Drawn:
        here = iter(draw([plan for i, plan in enumerate(plans) if i not in there]))
        drawn = dict(zip(there, take(), strict=True))
        ordered = [drawn[i] if i in drawn else next(here) for i in range(len(plans))]
        return Drawn(content, {chart.key: chart for chart in ordered}, language)

    try:
        yield finish
    finally:
        take()


def write_report(drawn: Drawn, out_dir: Path, warehouse: Path) -> Path:
    """Write ``out_dir/index.html`` (atomically) and return its path."""
    lang = drawn.language
    env = environment(lang)
    peil = drawn.content["peil"]
    reading = drawn.content["reading"]
    html = env.get_template("report.html.j2").render(
        taal=lang.code,
        peil=peil,
        per=lang.date(reading.per),
        jaarmeting=reading.latest_year or "–",
        laatste_kwartaal=lang.quarter(peil["laatste_kwartaal"]) if peil["laatste_kwartaal"] else "–",
        gemaakt=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        warehouse=warehouse.name,
        dekking=drawn.content["dekking"],
        tegengehouden=drawn.content["tegengehouden"],
        kerncijfers=drawn.content["kerncijfers"],
        secties=drawn.content["secties"],
        bijlage=[
            block
            for section in drawn.content["secties"]
            for kind, block in section.blocks
            if kind == "tabel" and len(block.rows) > LONG_TABLE_ROWS
        ],
        charts=drawn.charts,
    )
    return write_atomic(out_dir / "index.html", html)


def build_report(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    warehouse: Path,
    language: Language | None = None,
    per: dt.date | None = None,
) -> Path:
    """Gather, draw and write the report as read on ``per`` (default today); return the path of its index."""
    with drawing(con, language, per) as finish:
        return write_report(finish(), out_dir, warehouse)
