"""Quarters as the domain writes them, and the quarterly partitions Dagster lacks.

Humans read a quarter as ``2019Q3``; that is also the partition key and the value of every
``kwartaal`` column. Suppliers write it in other ways (``2019K3``, ``2019-Q3``, ``2019 Q3``,
``2019_Q3``, or the quarter's last day: "Stand per 30-09-2019", "Stand: 30 september 2019", a date
cell): :func:`parse_period` accepts every one of them wherever a delivery names a period (file
names, title and "Stand" lines, cells, columns); :func:`parse_quarter` reads the quarter forms only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_QUARTER = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[KQkq]\s*([1-4])\s*$")


@total_ordering
@dataclass(frozen=True)
class Quarter:
    year: int
    q: int

    def __post_init__(self) -> None:
        if not 1 <= self.q <= 4:
            raise ValueError(f"quarter number must be 1..4, got {self.q}")

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"

    def __lt__(self, other: Quarter) -> bool:
        return (self.year, self.q) < (other.year, other.q)

    @property
    def index(self) -> int:
        """Quarters since year 0; differences count quarters."""
        return self.year * 4 + self.q - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def shift(self, quarters: int) -> Quarter:
        return Quarter.from_index(self.index + quarters)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def last_day(self) -> dt.date:
        return self.shift(1).first_day - dt.timedelta(days=1)

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def ending_on(cls, day: dt.date) -> Quarter:
        """The quarter whose last day is ``day``; ValueError for any other date."""
        quarter = cls.containing(day)
        if quarter.last_day != day:
            raise ValueError(f"{day:%d-%m-%Y} is not the last day of a quarter")
        return quarter


DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_QUARTER_FORM = r"(?P<jaar>\d{4})\s*[-_ ]?\s*[KQkq]\s*(?P<kwartaal>[1-4])"
_DATE_FORM = r"(?P<dag>\d{1,2})-(?P<maand>\d{1,2})-(?P<djaar>\d{4})"
_DUTCH_DATE_FORM = rf"(?P<ndag>\d{{1,2}})\s+(?P<naam>{'|'.join(DUTCH_MONTHS)})\s+(?P<njaar>\d{{4}})"
_STAND_PREFIX = r"(?:stand(?:\s+per|\s*:)?\s*)?"
_PERIOD = re.compile(rf"{_STAND_PREFIX}(?:{_QUARTER_FORM}|{_DATE_FORM}|{_DUTCH_DATE_FORM})", re.IGNORECASE)
PERIOD_IN_NAME = r"\d{4}[-_ ]?[KQkq][1-4]|(?:Stand[ _]per[ _])?\d{1,2}-\d{1,2}-\d{4}"
"""Every spelling of a quarter a file name can hold, as a regular expression without groups."""
SPELLINGS = "2019K3, 2019-Q3, 2019 Q3, 2019_Q3, or its last day ('Stand per 30-09-2019', '30 september 2019')"


def _period_of(match: re.Match[str], text: object) -> Quarter:
    if match["kwartaal"]:
        return Quarter(int(match["jaar"]), int(match["kwartaal"]))
    try:
        if match["naam"]:
            day = dt.date(
                int(match["njaar"]), DUTCH_MONTHS.index(match["naam"].lower()) + 1, int(match["ndag"])
            )
        else:
            day = dt.date(int(match["djaar"]), int(match["maand"]), int(match["dag"]))
    except ValueError:
        raise ValueError(f"{text!r} is not a date") from None
    return Quarter.ending_on(day)


def parse_period(value: object) -> Quarter:
    """The quarter a delivery names, in any spelling of the shared conventions (SPELLINGS), with or
    without "Stand per"/"Stand:", or as a date cell; a date must be the last day of its quarter.
    ValueError says what was wrong."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Quarter.ending_on(value)
    match = _PERIOD.fullmatch(str(value).strip())
    if not match:
        raise ValueError(f"{value!r} is not a period (a quarter as {SPELLINGS})")
    return _period_of(match, value)


def find_period(text: str) -> Quarter | None:
    """The quarter a free text (a title) names, if it names one in any spelling."""
    for match in _PERIOD.finditer(text):
        try:
            return _period_of(match, text)
        except ValueError:
            continue
    return None


def parse_quarter(text: str) -> Quarter:
    """Parse ``2019Q3``, ``2019K3``, ``2019-Q3``, ``2019 Q3`` or ``2019_Q3``."""
    match = _QUARTER.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a quarter (expected e.g. 2019Q3 or 2019K3)")
    return Quarter(int(match.group(1)), int(match.group(2)))


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    return [Quarter.from_index(i) for i in range(first.index, last.index + 1)]


# UWV publishes a quarter about 3.5 months after it ends: the 15th of the fourth month after its
# last month (2023Q4, ending in December, on 15 April 2024).
PUBLICATION_LAG_MONTHS = 4
PUBLICATION_DAY = 15


def publication_due(quarter: Quarter) -> dt.date:
    """The day UWV's figures for ``quarter`` are due (about 3.5 months after its end)."""
    month_index = quarter.year * 12 + 3 * quarter.q - 1 + PUBLICATION_LAG_MONTHS  # 0-based
    return dt.date(month_index // 12, month_index % 12 + 1, PUBLICATION_DAY)


def latest_published_quarter(today: dt.date) -> Quarter:
    """The most recent quarter whose UWV publication is due on or before ``today``."""
    quarter = Quarter.containing(today)
    while publication_due(quarter) > today:
        quarter = quarter.shift(-1)
    return quarter


FIRST_QUARTER = Quarter(2015, 4)
"""The first quarter UWV's trend reports cover in the regional split."""


def quarters_to_date(today: dt.date | None = None) -> list[str]:
    """The quarters a run can load: ``2015Q4`` up to the quarter we are in."""
    return [str(q) for q in quarter_range(FIRST_QUARTER, Quarter.containing(today or dt.date.today()))]


def sector_report_due(year: int) -> dt.date:
    """The day the report on the public sectors of ``year`` is due: 30 November of the next year,
    when BZK's yearly letter reaches parliament (the rule ``warehouse/queries/leveringen_gedateerd.sql``
    dates a sector report by)."""
    return dt.date(year + 1, 11, 30)
