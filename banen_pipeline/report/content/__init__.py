"""What the report says: per section the one-sentence answer, the tables (a printed figure beside ours,
a difference marked) and the charts to draw, all from the marts (``warehouse/queries/rapport``). One
module per question (sectors, ratio, projection), one for trust, one for the sections around them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from ...marts import held_back
from ...texts import Language, held_back_sentences
from .blocks import ChartPlan, periods
from .context import durability, published, regions, revisions
from .coverage import coverage
from .headlines import headlines
from .known import Reading
from .outlook import Outlooks
from .projection import question_3
from .ratio import question_2
from .sectors import question_1
from .trust import trust

__all__ = ["ChartPlan", "gather"]


def gather(
    con: duckdb.DuckDBPyConnection, lang: Language, per: dt.date
) -> tuple[dict[str, Any], list[ChartPlan]]:
    """Every section of the report as read on ``per``, and the charts to draw for them, in order."""
    peil = periods(con)
    reading = Reading.of(con, per, peil["laatste_kwartaal"])
    outlooks = Outlooks(con, lang, reading)
    plans: list[ChartPlan] = []
    sections = []
    for make in (
        lambda: question_1(con, lang, peil, reading),
        lambda: question_2(con, lang, reading),
        lambda: question_3(con, lang, peil, outlooks),
        lambda: (trust(con, lang), []),
        lambda: durability(con, lang, peil),
        lambda: (revisions(con, lang), []),
        lambda: regions(con, lang),
        lambda: (published(con, lang), []),
    ):
        section, more = make()
        sections.append(section)
        plans += more
    return {
        "peil": peil,
        "reading": reading,
        "dekking": coverage(con, lang, reading),
        "tegengehouden": held_back_sentences(lang, held_back(con).values()),
        "kerncijfers": headlines(con, lang, peil, outlooks),
        "secties": sections,
    }, plans
