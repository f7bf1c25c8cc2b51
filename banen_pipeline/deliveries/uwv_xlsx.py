"""Reader for UWV's dashboard export as XLSX (quarters from 2021Q3), spec §2."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..quarters import PERIOD_IN_NAME, Quarter, parse_period
from .base import (
    NATIONAL_CODE,
    UWV,
    DeliveryFormat,
    DeliveryRejected,
    ParsedDelivery,
    Regions,
    check_title,
    period_in_name,
    quarter_key,
    raw_columns,
    raw_frame,
    staging_frame,
)
from .xlsx import as_int, as_text, data_rows, header_cells, open_workbook, sheet, where

FILE_NAME = re.compile(
    rf"^Dashboard_Banenafspraak_export_(?P<quarter>{PERIOD_IN_NAME})(?:_(?P<suffix>[^.]+))?\.xlsx$"
)

BANEN_HEADER = ["Periode", "Regiocode", "Regio", "Categorie", "Extra banen t.o.v. nulmeting", "Banen"]
PERSONEN_HEADER = ["Periode", "Regiocode", "Regio", "Doelgroep (personen)", "Werkzame personen"]
CATEGORIES = {
    "Regulier overheid": "extra_banen_regulier_overheid",
    "Regulier markt": "extra_banen_regulier_markt",
    "Inleen": "extra_banen_inleen",
    "Totaal": "extra_banen_totaal",
}
ROW_LIMITS = {"Banen": 36 * 4 + 1, "Personen": 36 + 1, None: 100}
"""Filled rows a sheet may hold: Banen has a header and 36 x 4 rows, Personen a header and 36 rows
(the agreement); Toelichting a few notes, 100 is ample."""
RAW_BANEN = "raw.uwv_dashboard_banen"
RAW_PERSONEN = "raw.uwv_dashboard_personen"


def _check_period(bestand: str, location: str, value: object, quarter: Quarter) -> None:
    """A period cell: a quarter in any spelling, its last day as text ('Stand per 30-09-2022') or as
    a date cell; it must be the file's."""
    try:
        found = parse_period(value)
    except ValueError as exc:
        raise DeliveryRejected(bestand, location, str(exc)) from None
    if found != quarter:
        raise DeliveryRejected(
            bestand, location, f"contents are for {found} but the file name says {quarter}"
        )


def _check_header(ws, bestand: str, expected: list[str]) -> None:
    found = header_cells(ws, 1)
    if found != expected:
        raise DeliveryRejected(
            bestand, where(ws, "row 1"), f"header {found} differs from the agreed {expected}"
        )


def _region_rows(ws, bestand, regions, quarter, width, key_of):
    """Yield (row number, code, regio, values), checking period, region and duplicate keys."""
    seen: dict[tuple, int] = {}
    codes: set[str] = set()
    for number, values in data_rows(ws, 2):
        values = tuple(values[:width]) + (None,) * (width - len(values))
        location = where(ws, f"A{number}")
        _check_period(bestand, location, values[0], quarter)
        code = str(values[1] or "").strip()
        regio = regions.check_name(bestand, where(ws, f"C{number}"), code, str(values[2] or ""))
        key = key_of(code, values)
        if key in seen:
            raise DeliveryRejected(
                bestand, where(ws, f"B{number}"), f"{' / '.join(key)} appears twice (also row {seen[key]})"
            )
        seen[key] = number
        codes.add(code)
        yield number, code, regio, values
    regions.check_complete(bestand, f"sheet '{ws.title}'", codes)


def read(path: Path, regions: Regions) -> ParsedDelivery:
    bestand = path.name
    name = FILE_NAME.match(bestand)
    if not name:
        raise DeliveryRejected(
            bestand, None, "file name does not follow Dashboard_Banenafspraak_export_<YYYY>-Q<Q>"
        )
    quarter = period_in_name(bestand, name)

    workbook = open_workbook(path, ROW_LIMITS)
    notes, banen, personen = (sheet(workbook, bestand, t) for t in ("Toelichting", "Banen", "Personen"))

    check_title(bestand, where(notes, "A1"), as_text(notes.cell("A1")) or "", quarter)
    _check_period(bestand, where(notes, "B3"), notes.cell("B3"), quarter)
    published = notes.cell("B4")
    if not isinstance(published, dt.datetime | dt.date):
        raise DeliveryRejected(
            bestand, where(notes, "B4"), f"publication date must be a date cell, found {published!r}"
        )
    publicatiedatum = published.date() if isinstance(published, dt.datetime) else published

    _check_header(banen, bestand, BANEN_HEADER)
    _check_header(personen, bestand, PERSONEN_HEADER)

    figures: dict[str, dict] = {}
    raw_banen: list[dict] = []
    for number, code, regio, values in _region_rows(
        banen, bestand, regions, quarter, len(BANEN_HEADER), lambda code, v: (code, str(v[3]).strip())
    ):
        categorie = str(values[3] or "").strip()
        if categorie not in CATEGORIES:
            raise DeliveryRejected(
                bestand,
                where(banen, f"D{number}"),
                f"categorie {categorie!r} is not one of {list(CATEGORIES)}",
            )
        row = figures.setdefault(code, {"regio": regio, "rows": []})
        row["rows"].append(number)
        row[CATEGORIES[categorie]] = as_int(values[4], bestand, where(banen, f"E{number}"), BANEN_HEADER[4])
        if categorie == "Totaal":
            row["banen_totaal"] = as_int(values[5], bestand, where(banen, f"F{number}"), BANEN_HEADER[5])
        elif values[5] is not None:
            raise DeliveryRejected(
                bestand, where(banen, f"F{number}"), "'Banen' is filled only on 'Totaal' rows"
            )
        raw_banen.append(
            dict(zip(raw_columns(RAW_BANEN), [bestand, number, *map(as_text, values)], strict=True))
        )
    incomplete = sorted(code for code, row in figures.items() if len(row["rows"]) != len(CATEGORIES))
    if incomplete:
        raise DeliveryRejected(
            bestand, f"sheet '{banen.title}'", f"regions without all four categories: {', '.join(incomplete)}"
        )

    raw_personen: list[dict] = []
    people: dict[str, tuple[int, int, int]] = {}
    for number, code, _regio, values in _region_rows(
        personen, bestand, regions, quarter, len(PERSONEN_HEADER), lambda code, v: (code,)
    ):
        people[code] = (
            number,
            as_int(values[3], bestand, where(personen, f"D{number}"), PERSONEN_HEADER[3]),
            as_int(values[4], bestand, where(personen, f"E{number}"), PERSONEN_HEADER[4]),
        )
        raw_personen.append(
            dict(zip(raw_columns(RAW_PERSONEN), [bestand, number, *map(as_text, values)], strict=True))
        )

    staged = []
    for code, row in sorted(figures.items(), key=lambda item: (item[0] == NATIONAL_CODE, item[0])):
        person_row, doelgroep, werkzaam = people[code]
        staged.append(
            {
                "kwartaal": str(quarter),
                "regiocode": code,
                "regio": row["regio"],
                "publicatiedatum": publicatiedatum,
                "doelgroep_personen": doelgroep,
                "werkzame_personen": werkzaam,
                **{measure: row[measure] for measure in CATEGORIES.values()},
                "banen_totaal": row["banen_totaal"],
                "bestand": bestand,
                "bron_locatie": f"Banen rows {min(row['rows'])}-{max(row['rows'])}, Personen row {person_row}",
            }
        )

    return ParsedDelivery(
        bestand=bestand,
        bron=UWV.bron,
        periode=str(quarter),
        publicatiedatum=publicatiedatum,
        raw={
            RAW_BANEN: raw_frame(raw_banen, RAW_BANEN),
            RAW_PERSONEN: raw_frame(raw_personen, RAW_PERSONEN),
        },
        staging=staging_frame(staged, UWV),
    )


FORMAT = DeliveryFormat("uwv_dashboard_xlsx", UWV, FILE_NAME, read, quarter_key)
