"""What every reader shares: the rejection error, the parsed result, and the structural rules that
more than one format has (Dutch numbers, the 35 regions plus NL)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

from ..db import declared_columns
from ..quarters import find_period, parse_period

NATIONAL_CODE = "NL"
NATIONAL_NAME = "Nederland"

UWV_MEASURES = [
    "doelgroep_personen",
    "werkzame_personen",
    "extra_banen_regulier_overheid",
    "extra_banen_regulier_markt",
    "extra_banen_inleen",
    "extra_banen_totaal",
    "banen_totaal",
]
"""The figures of one UWV row, in the order of ``staging.uwv_kwartaal``."""


class DeliveryRejected(Exception):
    """A delivery breaks the delivery agreement. The message names file, place and rule."""

    def __init__(self, bestand: str, where: str | None, rule: str):
        self.bestand = bestand
        self.where = where
        self.rule = rule
        super().__init__(f"{bestand} {where}: {rule}" if where else f"{bestand}: {rule}")


@dataclass
class ParsedDelivery:
    """A delivery that passed its reader: text as delivered (raw) and typed rows (staging)."""

    bestand: str
    bron: str
    periode: str
    publicatiedatum: dt.date | None
    raw: dict[str, pl.DataFrame]
    """raw table name -> rows as delivered, all text, with file and line or cell."""
    staging: pl.DataFrame
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Regions:
    """The 35 arbeidsmarktregio's: code -> official name."""

    names: Mapping[str, str]

    def check_name(self, bestand: str, where: str, code: str, name: str) -> str:
        """Return the official name for ``code``; reject an unknown code or a name of another region."""
        if code == NATIONAL_CODE:
            official = NATIONAL_NAME
        elif code in self.names:
            official = self.names[code]
        else:
            raise DeliveryRejected(bestand, where, f"unknown regiocode {code!r}")
        if normalise_name(name) != normalise_name(official):
            raise DeliveryRejected(
                bestand, where, f"region name {name.strip()!r} does not belong to code {code} ({official!r})"
            )
        return official

    def check_complete(self, bestand: str, where: str, seen: Iterable[str]) -> None:
        """Exactly one row per region plus NL (duplicates are caught as they are read)."""
        missing = sorted((set(self.names) | {NATIONAL_CODE}) - set(seen))
        if missing:
            raise DeliveryRejected(
                bestand, where, f"expected 35 regions plus NL, missing {', '.join(missing)}"
            )


def normalise_name(name: str) -> str:
    """Names may differ in case and spacing only."""
    return re.sub(r"\s+", "", str(name)).casefold()


NAME_MAX = 200
"""The longest name a delivery may carry (an organisation, a sector, a region): the longest in the
samples is under 60 characters."""
NOTE_MAX = 1000
"""The longest free-text note (the sector reports' Opmerking)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def free_text(value: object, bestand: str, where: str, column: str, longest: int = NAME_MAX) -> str:
    """A delivered name or note, stripped, kept as text: markup characters are kept (every output
    escapes them); a control character (CR, LF, tab, NUL, ...) or more than ``longest`` characters
    is a rejection naming the cell, which quotes no more than the start of the value."""
    text = str(value if value is not None else "").strip()
    if len(text) > longest:
        raise DeliveryRejected(
            bestand,
            where,
            f"{column} is {len(text)} characters long, at most {longest} allowed ({text[:30]!r}...)",
        )
    found = _CONTROL.search(text)
    if found:
        raise DeliveryRejected(
            bestand,
            where,
            f"{column} holds a control character {found.group()!r} at position {found.start() + 1}: names and "
            "notes are one line of text",
        )
    return text


_DUTCH_INT = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)$")
INT64 = 2**63 - 1
"""Whole numbers land in BIGINT columns: anything larger is no count of banen or persons."""


def check_int64(value: int) -> int:
    if abs(value) > INT64:
        raise ValueError(f"{value} is out of range for a count")
    return value


def parse_dutch_int(text: str) -> int:
    """``-1.400`` -> -1400. Dots separate thousands; there are no decimals. ValueError otherwise."""
    value = text.strip()
    if not _DUTCH_INT.match(value):
        raise ValueError(f"{text!r} is not a number in Dutch format (e.g. 1.234 or -1.400)")
    return check_int64(int(value.replace(".", "")))


def dutch_int(text: str, bestand: str, where: str, column: str) -> int:
    """A text field as a whole number in Dutch format; a rejection naming the place and column if not
    (the text-file twin of ``xlsx.as_int``)."""
    try:
        return parse_dutch_int(text)
    except ValueError:
        raise DeliveryRejected(
            bestand, where, f"{text.strip()!r} in column '{column}' is not a number"
        ) from None


def parse_dutch_date(text: str) -> dt.date:
    """``30-09-2019`` -> date(2019, 9, 30)."""
    return dt.datetime.strptime(text.strip(), "%d-%m-%Y").date()


POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String,
    "DATE": pl.Date,
    "BIGINT": pl.Int64,
    "INTEGER": pl.Int32,
    "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean,
}
"""The DuckDB types of the raw and staging DDL, as Polars types."""
COMPUTED = ("versie", "is_actueel")
"""Staging columns the version rule sets after a load; readers do not fill them."""


def table_schema(table: str, leave_out: tuple[str, ...] = ()) -> dict[str, pl.DataType]:
    """A warehouse table's columns as a Polars schema, from its DDL (``db.declared_columns``): the
    DDL in ``warehouse/raw`` and ``warehouse/staging`` is the one declaration of these tables."""
    return {
        name: POLARS_TYPES[kind] for name, kind in declared_columns(table).items() if name not in leave_out
    }


@dataclass(frozen=True)
class Supplier:
    """One supplier of the delivery agreement, declared once (in its reader module); the ingest
    tables, the Dagster specs, the suite and the landing scan are derived from it. Its SQL files
    follow from its tables: the DDL in ``warehouse/raw/`` and ``warehouse/staging/``, the version
    rule ``warehouse/staging/updates/<table>_versies.sql``; its suite is
    ``expectations/staging_<table>.json`` with frame ``warehouse/frames/staging_<table>.sql``."""

    bron: str
    """Its name in ``meta.leveringen`` and in the landing folder (``<landing>/<bron>/``)."""
    staging_table: str
    """``staging.<table>``: every version of every delivery, typed."""
    period_column: str
    """The column that holds a delivery's period (kwartaal or jaar)."""
    figure_key: tuple[str, ...]
    """Columns that identify a row within a delivery; the rest (minus bookkeeping) are its figures."""

    @property
    def table(self) -> str:
        return self.staging_table.split(".")[1]

    @property
    def versions_sql(self) -> str:
        """SQL file that recomputes versie and is_actueel for one period (parameter ``periode``)."""
        return f"staging/updates/{self.table}_versies"

    @property
    def suite(self) -> str:
        return f"staging_{self.table}"

    def staging_schema(self) -> dict[str, pl.DataType]:
        """The columns a reader fills: the staging table's, minus those the version rule sets."""
        return table_schema(self.staging_table, leave_out=COMPUTED)


UWV = Supplier("uwv", "staging.uwv_kwartaal", "kwartaal", ("regiocode",))
"""UWV: two formats (the trend report CSV and the dashboard XLSX) into one staging table."""


@dataclass(frozen=True)
class DeliveryFormat:
    """One file format of a supplier, declared in its reader module as ``FORMAT``."""

    name: str
    supplier: Supplier
    file_name: re.Pattern[str]
    reader: Callable[..., ParsedDelivery]
    """``reader(path, regions) -> ParsedDelivery``, or DeliveryRejected."""
    partition_of: Callable[[re.Match[str]], str]
    """The quarter a run selects a file by, from its name (a yearly report: the year's Q4)."""


def quarter_key(match: re.Match[str]) -> str | None:
    """The quarter of a quarterly file: its name's ``quarter`` group in any spelling (``2019K3``,
    ``2019_Q3``, ``Stand per 30-09-2019``); None when that names no quarter (the reader rejects it)."""
    try:
        return str(parse_period(match["quarter"]))
    except ValueError:
        return None


def period_in_name(bestand: str, match: re.Match[str]):
    """The quarter a file name names (its ``quarter`` group), or a rejection that says why not."""
    try:
        return parse_period(match["quarter"])
    except ValueError as exc:
        raise DeliveryRejected(bestand, None, f"file name: {exc}") from None


def check_title(bestand: str, location: str, title: str, quarter) -> None:
    """A title that names a period must name the file's."""
    named = find_period(title)
    if named is not None and named != quarter:
        raise DeliveryRejected(bestand, location, f"the title names {named} but the file name says {quarter}")


def year_end_key(match: re.Match[str]) -> str:
    """A yearly report measures 31 December: it belongs to the year's fourth quarter."""
    return f"{match['year']}Q4"


def staging_frame(rows: list[dict], supplier: Supplier) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=supplier.staging_schema(), orient="row")


@functools.cache
def raw_columns(table: str) -> tuple[str, ...]:
    """The columns of a raw table, in order (its DDL); readers zip every row with it."""
    return tuple(declared_columns(table))


def raw_frame(rows: list[dict], table: str) -> pl.DataFrame:
    """Rows as delivered into ``table`` (raw): every column text, except the line/row number."""
    return pl.DataFrame(rows, schema=table_schema(table), orient="row")
