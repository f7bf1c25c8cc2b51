"""What every reader shares: the rejection error, the parsed result, and the structural rules that
more than one format has (Dutch numbers, the 35 regions plus NL)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

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


def staging_frame(rows: list[dict], schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict(schema), orient="row")


def raw_frame(rows: list[dict], columns: list[str]) -> pl.DataFrame:
    """Raw rows: every column text, except the line/row number."""
    schema = {c: (pl.Int64 if c in ("regel", "rij") else pl.String) for c in columns}
    return pl.DataFrame(rows, schema=schema, orient="row")


UWV_STAGING_SCHEMA: dict[str, pl.DataType] = {
    "kwartaal": pl.String,
    "regiocode": pl.String,
    "regio": pl.String,
    "publicatiedatum": pl.Date,
    **{m: pl.Int64 for m in UWV_MEASURES},
    "bestand": pl.String,
    "bron_locatie": pl.String,
}
