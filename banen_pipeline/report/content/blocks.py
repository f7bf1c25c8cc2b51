"""The pieces every section is made of: a report query's rows, a table's rows and cells, a
section's blocks, and the cell that puts a printed figure beside ours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ...db import sql_text
from ...texts import Language
from .. import charts


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    """The report query ``warehouse/queries/rapport/<name>.sql`` as dicts."""
    cursor = con.execute(sql_text(f"queries/rapport/{name}"), params or None)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def frame(con: duckdb.DuckDBPyConnection, name: str, **params: Any):
    return con.execute(sql_text(f"queries/rapport/{name}"), params or None).df()


@dataclass
class Row:
    cells: list[str]
    cls: str = ""
    """CSS classes: ``verschil`` (a printed figure differs from ours), ``synthetisch``, ``som``."""
    data: dict[str, Any] = field(default_factory=dict)
    """``data-*`` attributes: the raw figures behind the cells."""


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[Row]
    note: str = ""
    source: str = ""
    numeric_from: int = 1
    """Columns from this one on are right-aligned numbers..."""
    text_from: int | None = None
    """... up to this one (None: to the last)."""

    def numeric(self, column: int) -> bool:
        return column >= self.numeric_from and (self.text_from is None or column < self.text_from)


@dataclass
class Section:
    key: str
    title: str
    answer: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)
    """In order: ("tekst", a paragraph), ("tabel", a Table), ("figuur", the key of a chart)."""
    verdict: str = ""
    """The sentence the section ends in: what a minister can say, with the numbers it rests on."""

    def text(self, paragraph: str) -> None:
        self.blocks.append(("tekst", paragraph))

    def table(self, table: Table) -> None:
        self.blocks.append(("tabel", table))

    def chart(self, key: str) -> None:
        self.blocks.append(("figuur", key))


ChartPlan = tuple[Callable[..., charts.Chart], tuple]
"""A chart to draw: its drawing function and what it draws (frames, values, the language)."""


@dataclass(frozen=True)
class Leading:
    """A figure as the report shows it: the printed one when there is one, ours beside it."""

    shown: str
    """The printed figure, else ours."""
    beside: str
    """Ours beside a printed figure ("volgens dit warehouse"), with the difference and its reason;
    empty when nothing was printed (then ``shown`` is ours)."""
    differs: bool
    """Ours differs from the printed figure: a count by more than rounding (0.5), a printed whole
    percentage by more than a point."""


def leading(
    lang: Language, ours: float | None, printed: float | None, percent: bool = False, reason: str = ""
) -> Leading:
    """The printed figure leads; ours stands beside it with the difference and ``reason`` for it."""
    mine = "–" if ours is None or ours != ours else lang.pct(ours) if percent else lang.n(ours)
    if printed is None or printed != printed:
        return Leading(mine, "", False)
    shown = lang.pct(printed, 0) if percent else lang.n(printed)
    if ours is None or ours != ours:
        return Leading(shown, lang.t("niet_beschikbaar"), False)
    difference = float(ours) - float(printed)
    if abs(difference) < (1.0 if percent else 0.5):
        return Leading(shown, lang.t("ons_gelijk", ons=mine), False)
    gap = lang.t("procentpunt", n=lang.signed(difference, 1)) if percent else lang.signed(difference)
    return Leading(
        shown,
        lang.t("ons_verschil", ons=mine, verschil=gap, reden=reason or lang.t("reden_synthetisch")),
        True,
    )


def official_cell(lang: Language, herkomst: str | None, waarde: float | None, afleiding: str | None) -> str:
    """What was published for a figure of the official measure: the printed number, the derivation
    from printed numbers, or that nothing was published (a nowcast, or no figure at all)."""
    if herkomst == "gepubliceerd" and waarde is not None:
        return lang.n(waarde)
    if herkomst == "afgeleid" and afleiding:
        return lang.t("afgeleid_uit", afleiding=lang.derivation(afleiding))
    return lang.t("niet_gepubliceerd")


def periods(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return rows(con, "peilmomenten")[0]
