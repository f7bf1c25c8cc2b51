"""Reader for the Voortgangsrapportage publieke sectoren, yearly CSV from 2015 (spec §4)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .base import (
    NOTE_MAX,
    DeliveryFormat,
    DeliveryRejected,
    ParsedDelivery,
    Supplier,
    dutch_int,
    free_text,
    raw_columns,
    raw_frame,
    staging_frame,
    year_end_key,
)

FILE_NAME = re.compile(
    r"^Voortgangsrapportage_publieke_sectoren_(?P<year>\d{4})(?:_(?P<suffix>[^.]+))?\.csv$"
)

HEADER = [
    "Sector",
    "Jaar",
    "Taakstelling (cumulatief)",
    "Realisatie (extra banen t.o.v. nulmeting)",
    "Opmerking",
]
SECTORS = [
    "Rijk",
    "Gemeenten",
    "Provincies",
    "Waterschappen",
    "Defensie",
    "Politie",
    "Primair onderwijs",
    "Voortgezet onderwijs",
    "Middelbaar beroepsonderwijs",
    "Hoger beroepsonderwijs",
    "Wetenschappelijk onderwijs",
    "Universitair medische centra",
    "Onderzoeksinstellingen",
]
RAW_TABLE = "raw.sector_rapportage"
SUPPLIER = Supplier("sectoren", "staging.sector_rapportage", "jaar", ("sector",))
"""The 13 public sectors: yearly, per sector."""


def read(path: Path, regions=None) -> ParsedDelivery:
    bestand = path.name
    name = FILE_NAME.match(bestand)
    if not name:
        raise DeliveryRejected(
            bestand, None, "file name does not follow Voortgangsrapportage_publieke_sectoren_<YYYY>"
        )
    year = int(name["year"])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeliveryRejected(
            bestand, f"line {line}", f"byte {data[exc.start]:#04x} is not valid UTF-8"
        ) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", strict=True))
    except csv.Error as exc:
        raise DeliveryRejected(bestand, None, f"not valid comma-separated text: {exc}") from None
    if not rows:
        raise DeliveryRejected(bestand, "line 1", "file is empty")
    header = [h.strip() for h in rows[0]]
    if header != HEADER:
        raise DeliveryRejected(bestand, "line 1", f"header {header} differs from the agreed {HEADER}")

    raw_rows, staged, seen = [], [], {}
    for line, fields in enumerate(rows[1:], start=2):
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(HEADER):
            raise DeliveryRejected(
                bestand, f"line {line}", f"expected {len(HEADER)} fields, found {len(fields)}"
            )
        sector = free_text(fields[0], bestand, f"line {line}, column Sector", "the sector name")
        if sector not in SECTORS:
            raise DeliveryRejected(
                bestand, f"line {line}", f"sector {sector!r} is not one of the 13 public sectors"
            )
        if sector in seen:
            raise DeliveryRejected(
                bestand, f"line {line}", f"sector {sector!r} appears twice (also line {seen[sector]})"
            )
        seen[sector] = line
        values = {
            key: dutch_int(text_value, bestand, f"line {line}", column)
            for column, key, text_value in zip(
                HEADER[1:4], ("jaar", "taakstelling", "realisatie"), fields[1:4], strict=True
            )
        }
        if values["jaar"] != year:
            raise DeliveryRejected(
                bestand, f"line {line}", f"contents are for {values['jaar']} but the file name says {year}"
            )
        raw_rows.append(dict(zip(raw_columns(RAW_TABLE), [bestand, line, *fields], strict=True)))
        staged.append(
            {
                **values,
                "sector": sector,
                "opmerking": free_text(
                    fields[4], bestand, f"line {line}, column Opmerking", "the note", NOTE_MAX
                )
                or None,
                "bestand": bestand,
                "bron_locatie": f"line {line}",
            }
        )
    missing = [s for s in SECTORS if s not in seen]
    if missing:
        raise DeliveryRejected(bestand, None, f"expected the 13 public sectors, missing {', '.join(missing)}")

    return ParsedDelivery(
        bestand=bestand,
        bron=SUPPLIER.bron,
        periode=str(year),
        publicatiedatum=None,
        raw={RAW_TABLE: raw_frame(raw_rows, RAW_TABLE)},
        staging=staging_frame(staged, SUPPLIER),
    )


FORMAT = DeliveryFormat("sectoren_csv", SUPPLIER, FILE_NAME, read, year_end_key)
