"""Reader for the Monitor Banenafspraak Rijk, quarterly XLSX from 2019Q1 (spec §3)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..quarters import Quarter
from .base import (
    DeliveryFormat,
    DeliveryRejected,
    ParsedDelivery,
    Supplier,
    quarter_key,
    raw_columns,
    raw_frame,
    staging_frame,
)
from .xlsx import as_float, as_int, as_text, column_letter, data_rows, header_cells, open_workbook, where

FILE_NAME = re.compile(r"^Monitor_Banenafspraak_Rijk_(?P<quarter>\d{4}_Q[1-4])(?:_(?P<suffix>[^.]+))?\.xlsx$")

TOTAL = "Totaal Rijk"
TOLERANCE_BANEN = 0.5
"""The Totaal Rijk row may differ from the sum of the organisations by at most this much."""
WARN_PCT_POINTS = 1.0
"""A supplier percentage further than this from realisatie / taakstelling loads with a warning."""

DUTCH_MONTHS = {
    m: i
    for i, m in enumerate(
        [
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
        ],
        start=1,
    )
}
_STAND = re.compile(r"^Stand:\s*(\d{1,2})\s+([a-z]+)\s+(\d{4})$", re.IGNORECASE)

RAW_TABLE = "raw.rijk_monitor"
SUPPLIER = Supplier("rijk", "staging.rijk_monitor", "kwartaal", ("organisatie",))
"""The Rijk monitor: quarterly, per organisation."""

# Header cells matched by meaning: the wording changed in 2022 and trailing spaces occur.
#   before 2022: Organisatie | Taakstelling <YYYY> | Realisatie (banen à 25,5 uur) | Realisatie in %
#   from 2022:   Organisatie | Taakstelling <YYYY> (banen) | Realisatie banen 25,5 uur | Realisatie %
MEANINGS = {
    "organisatie": lambda h: h.startswith("organisatie"),
    "taakstelling": lambda h: h.startswith("taakstelling") and re.search(r"\b\d{4}\b", h) is not None,
    "realisatie": lambda h: h.startswith("realisatie") and "%" not in h and "banen" in h,
    "realisatie_pct": lambda h: h.startswith("realisatie") and "%" in h,
}


def _parse_stand(bestand: str, ws, text: object) -> dt.date:
    match = _STAND.match(str(text or "").strip())
    if not match or match[2].lower() not in DUTCH_MONTHS:
        raise DeliveryRejected(bestand, where(ws, "A2"), "expected 'Stand: <day> <Dutch month> <year>'")
    try:
        return dt.date(int(match[3]), DUTCH_MONTHS[match[2].lower()], int(match[1]))
    except ValueError:
        raise DeliveryRejected(bestand, where(ws, "A2"), f"{text!r} is not a date") from None


def _header_columns(bestand: str, ws, quarter: Quarter) -> dict[str, int]:
    cells = [h.casefold() for h in header_cells(ws, 4)]
    columns: dict[str, int] = {}
    for meaning, matches in MEANINGS.items():
        found = [i for i, h in enumerate(cells) if matches(h)]
        if len(found) != 1:
            raise DeliveryRejected(
                bestand,
                where(ws, "row 4"),
                f"header has {len(found)} columns meaning '{meaning}', expected 1: {cells}",
            )
        columns[meaning] = found[0]
    year = int(re.search(r"\b(\d{4})\b", cells[columns["taakstelling"]])[1])
    if year != quarter.year:
        raise DeliveryRejected(
            bestand, where(ws, "row 4"), f"header has Taakstelling {year} but the file is for {quarter}"
        )
    return columns


def read(path: Path, regions=None) -> ParsedDelivery:
    bestand = path.name
    name = FILE_NAME.match(bestand)
    if not name:
        raise DeliveryRejected(
            bestand, None, "file name does not follow Monitor_Banenafspraak_Rijk_<YYYY>_Q<Q>"
        )
    quarter = Quarter(int(name["quarter"][:4]), int(name["quarter"][-1]))

    workbook = open_workbook(path)
    if len(workbook.worksheets) != 1:
        raise DeliveryRejected(bestand, None, f"expected one sheet, found {workbook.sheetnames}")
    ws = workbook.worksheets[0]

    peildatum = _parse_stand(bestand, ws, ws.cell("A2"))
    try:
        stand_quarter = Quarter.ending_on(peildatum)
    except ValueError as exc:
        raise DeliveryRejected(bestand, where(ws, "A2"), f"'Stand' date: {exc}") from None
    if stand_quarter != quarter:
        raise DeliveryRejected(
            bestand, where(ws, "A2"), f"contents are for {stand_quarter} but the file name says {quarter}"
        )
    col = _header_columns(bestand, ws, quarter)
    letter = {k: column_letter(v) for k, v in col.items()}

    raw_rows, staged, seen = [], [], {}
    warnings: list[str] = []
    total = None
    for number, values in data_rows(ws, 5):
        organisatie = str(values[col["organisatie"]] or "").strip()
        if not organisatie:
            raise DeliveryRejected(
                bestand, where(ws, f"{letter['organisatie']}{number}"), "organisation name is empty"
            )
        if organisatie in seen:
            raise DeliveryRejected(
                bestand,
                where(ws, f"A{number}"),
                f"organisation {organisatie!r} appears twice (also row {seen[organisatie]})",
            )
        seen[organisatie] = number
        cell = {k: f"{letter[k]}{number}" for k in col}
        taakstelling = as_int(
            values[col["taakstelling"]], bestand, where(ws, cell["taakstelling"]), "Taakstelling"
        )
        realisatie = as_float(values[col["realisatie"]], bestand, where(ws, cell["realisatie"]), "Realisatie")
        geleverd = as_float(
            values[col["realisatie_pct"]], bestand, where(ws, cell["realisatie_pct"]), "Realisatie %"
        )
        recomputed = round(100 * realisatie / taakstelling, 1) if taakstelling else None
        geleverd_pct = round(100 * geleverd, 1)
        if recomputed is not None and abs(100 * geleverd - 100 * realisatie / taakstelling) > WARN_PCT_POINTS:
            warnings.append(
                f"{where(ws, cell['realisatie_pct'])} ({organisatie}): supplier's realisatie % {geleverd_pct} differs "
                f"from realisatie / taakstelling = {recomputed} by more than {WARN_PCT_POINTS:g} point"
            )
        raw_rows.append(
            dict(
                zip(
                    raw_columns(RAW_TABLE),
                    [bestand, number, *(as_text(values[col[k]]) for k in MEANINGS)],
                    strict=True,
                )
            )
        )
        staged.append(
            {
                "kwartaal": str(quarter),
                "peildatum": peildatum,
                "organisatie": organisatie,
                "taakstelling": taakstelling,
                "realisatie": realisatie,
                "realisatie_pct": recomputed,
                "realisatie_pct_geleverd": geleverd_pct,
                "bestand": bestand,
                "bron_locatie": f"row {number}",
            }
        )
        if organisatie == TOTAL:
            total = (number, taakstelling, realisatie)
            break  # footnotes follow the total

    if total is None:
        raise DeliveryRejected(bestand, None, f"no '{TOTAL}' row; truncated?")
    organisations = staged[:-1]
    if not organisations:
        raise DeliveryRejected(bestand, where(ws, f"A{total[0]}"), f"no organisation rows above '{TOTAL}'")
    for label, index, key in (("realisatie", 2, "realisatie"), ("taakstelling", 1, "taakstelling")):
        summed = sum(row[key] for row in organisations)
        if abs(summed - total[index]) > TOLERANCE_BANEN:
            raise DeliveryRejected(
                bestand,
                where(ws, f"row {total[0]}"),
                f"'{TOTAL}' {label} {total[index]:g} differs from the sum of the organisations {summed:g} "
                f"by more than {TOLERANCE_BANEN} banen",
            )

    return ParsedDelivery(
        bestand=bestand,
        bron=SUPPLIER.bron,
        periode=str(quarter),
        publicatiedatum=None,
        raw={RAW_TABLE: raw_frame(raw_rows, RAW_TABLE)},
        staging=staging_frame(staged, SUPPLIER),
        warnings=warnings,
    )


FORMAT = DeliveryFormat("rijk_monitor_xlsx", SUPPLIER, FILE_NAME, read, quarter_key)
