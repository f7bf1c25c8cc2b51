"""What is known on the day the report is read.

Every figure the report shows has a status (:class:`Status`): published (with its source), derived
from published figures, a nowcast (with its tested error), a projection (with its band and that
band's tested coverage), a synthetic sample, or absent. Each status has sentences of its own
(``report/content/outlook.py``): the past tense only for what was measured, "verwacht" for a
projection, "nog niet gepubliceerd" where nothing is.

:class:`Reading` holds the day of reading and what had been published by then: the jaarmetingen in
figures (``referentie.jaarmeting``, by ``gepubliceerd_op``) or only in words
(``referentie.publicaties``), the amended law's entry into force, and the quarter the data runs to.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

import duckdb
from markupsafe import Markup

from ...quarters import parse_quarter
from ...texts import Language
from .blocks import rows


class Status(enum.StrEnum):
    """Where a figure comes from, as of the day of reading."""

    GEPUBLICEERD = "gepubliceerd"
    AFGELEID = "afgeleid"
    NOWCAST = "nowcast"
    PROJECTIE = "projectie"
    SYNTHETISCH = "synthetisch"
    AFWEZIG = "afwezig"


@dataclass(frozen=True)
class Figure:
    """A number as a sentence shows it, with its status in the markup (``data-herkomst``) and its
    value unformatted (``data-waarde``), so a reader or a test can tell where it comes from."""

    value: float | None
    status: Status
    text: str

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        value = "" if self.value is None else f"{float(self.value):.10g}"
        return Markup('<span class="cijfer" data-herkomst="{}" data-waarde="{}">{}</span>').format(
            self.status.value, value, self.text
        )


@dataclass(frozen=True)
class Reading:
    """The day of reading and what had been published by then."""

    per: dt.date
    measured: dict[int, dict[str, Any]]
    """Jaarmetingen published in figures by ``per``: year -> its referentie.jaarmeting row."""
    in_words: dict[int, list[dict[str, Any]]]
    """Jaarmetingen published only in words by ``per``: year -> statements, oldest first."""
    data_quarter: str | None
    """The last quarter of UWV's figures in the warehouse."""
    law_start: dict[str, Any] | None
    """The amended law's entry into force (a referentie.publicaties row), if it applies by ``per``."""

    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, per: dt.date, data_quarter: str | None) -> Reading:
        measured = {r["jaar"]: r for r in rows(con, "jaarmetingen", per=per)}
        in_words: dict[int, list[dict[str, Any]]] = {}
        for r in rows(con, "publicaties", onderwerp="jaarmeting", per=per):
            if r["jaar"] not in measured:
                in_words.setdefault(r["jaar"], []).append(r)
        start = rows(con, "publicaties", onderwerp="wet_inwerkingtreding", per=per)
        return cls(per, measured, in_words, data_quarter, start[-1] if start else None)

    @property
    def latest_year(self) -> int | None:
        """The year of the latest jaarmeting published by the day of reading, in figures or words."""
        return max([*self.measured, *self.in_words], default=None)

    @property
    def latest_measured(self) -> int | None:
        """The year of the latest jaarmeting published in figures."""
        return max(self.measured, default=None)

    def is_over(self, year: int) -> bool:
        """The year has ended on the day of reading."""
        return dt.date(year, 12, 31) < self.per

    def horizon(self, quarter: str) -> int | None:
        """Quarters from the last quarter of the data to ``quarter`` (2023Q4 to 2025Q4: 8)."""
        if self.data_quarter is None:
            return None
        return parse_quarter(quarter).index - parse_quarter(self.data_quarter).index


def not_yet(lang: Language, reading: Reading) -> str:
    """A question's answer before anything answers it: no jaarmeting yet, the data so far."""
    quarter = lang.quarter(reading.data_quarter) if reading.data_quarter else lang.t("niet_gepubliceerd")
    return lang.t("nog_geen_jaarmeting", per=lang.date(reading.per), kwartaal=quarter)


def figure(lang: Language, value: float | None, status: Status) -> Figure:
    """A count as the language writes it (11.634), with its status."""
    return Figure(value, status, lang.n(value))


def percent(lang: Language, value: float | None, status: Status, digits: int = 1) -> Figure:
    """A percentage as the language writes it (46,5%), with its status."""
    return Figure(value, status, lang.pct(value, digits))


@dataclass(frozen=True)
class Quote:
    """A statement as its publisher worded it (a referentie.publicaties row), marked as published:
    the numbers inside it are the publisher's (the sentence around it sets the quotation marks)."""

    text: str

    def __html__(self) -> str:
        return Markup('<span class="uitspraak" data-herkomst="{}">{}</span>').format(
            Status.GEPUBLICEERD.value, self.text
        )


STATUS_OF_HERKOMST = {
    "gepubliceerd": Status.GEPUBLICEERD,
    "afgeleid": Status.AFGELEID,
    "nowcast": Status.NOWCAST,
    "synthetisch": Status.SYNTHETISCH,
}
"""The status of a figure by the herkomst its mart gives it; anything else (a sum of synthetic sector
reports) is synthetic in the samples."""
