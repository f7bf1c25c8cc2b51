"""Reader for the Monitor Banenafspraak Rijk, quarterly XLSX from 2019Q1 (spec §3)."""

from __future__ import annotations

import re
from pathlib import Path

from ..quarters import PERIOD_IN_NAME, Quarter, parse_period
from .base import (
    DeliveryFormat,
    DeliveryRejected,
    ParsedDelivery,
    Supplier,
    check_title,
    free_text,
    period_in_name,
    quarter_key,
    raw_columns,
    raw_frame,
    staging_frame,
)
from .xlsx import as_float, as_int, as_text, column_letter, data_rows, header_cells, open_workbook, where

FILE_NAME = re.compile(
    rf"^Monitor_Banenafspraak_Rijk_(?P<quarter>{PERIOD_IN_NAME})(?:_(?P<suffix>[^.]+))?\.xlsx$"
)

TOTAL = "Totaal Rijk"
TOLERANCE_BANEN = 0.5
"""The Totaal Rijk row may differ from the sum of the organisations by at most this much."""
WARN_PCT_POINTS = 1.0
"""A supplier percentage further than this from realisatie / taakstelling loads with a warning."""
ROW_LIMITS = {None: 200}
"""Rows its one sheet may hold: a title, the date, the header, a row per organisation (about 15)
and Totaal Rijk, and footnotes; 200 is ten times that."""

RAW_TABLE = "raw.rijk_monitor"
SUPPLIER = Supplier("rijk", "staging.rijk_monitor", "kwartaal", ("organisatie",))
"""The Rijk monitor: quarterly, per organisation."""

# Header cells are matched by meaning: the wording changed over the years (the agreement names
#   before 2022: Organisatie | Taakstelling <YYYY> | Realisatie (banen à 25,5 uur) | Realisatie in %
#   from 2022:   Organisatie | Taakstelling <YYYY> (banen) | Realisatie banen 25,5 uur | Realisatie %)
# and may change again. Each meaning has its words; where a header holds the words of several
# meanings, the column's values decide: a whole number is a target, a count with decimals a
# realisation, a fraction a percentage.
WORDS = {
    "organisatie": ("organisatie", "organisation", "onderdeel", "ministerie", "departement", "dienst"),
    "taakstelling": ("taakstelling", "target", "doelstelling", "doel", "opgave", "norm"),
    "realisatie": ("realisatie", "gerealiseerd", "realised", "realized", "banen", "aantal", "behaald"),
    "realisatie_pct": ("%", "procent", "percentage", "pct", "realisatiegraad", "t.o.v.", "ten opzichte"),
}
MEANINGS = tuple(WORDS)
BY_VALUES = {
    "tekst": "organisatie",
    "geheel": "taakstelling",
    "decimaal": "realisatie",
    "fractie": "realisatie_pct",
}


def _stand(bestand: str, ws, text: object) -> Quarter:
    """Row 2, 'Stand: 30 september 2022': the quarter, in any spelling of the shared conventions."""
    try:
        return parse_period(text or "")
    except ValueError as exc:
        raise DeliveryRejected(
            bestand, where(ws, "A2"), f"expected 'Stand: <day> <Dutch month> <year>': {exc}"
        ) from None


def _words(header: str) -> set[str]:
    """The meanings whose words a header holds (a percentage's words outrank the others')."""
    text = header.casefold()
    found = {m for m, words in WORDS.items() if any(w in text for w in words)}
    return {"realisatie_pct"} if "realisatie_pct" in found else found


def _profile(values: list) -> str | None:
    """What a column's values look like: tekst, geheel (whole numbers), decimaal, fractie (0..1.5)."""
    present = [v for v in values if v is not None and str(v).strip() != ""]
    if not present:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "tekst"
    if all(float(v).is_integer() for v in present):
        return "geheel"
    return "fractie" if max(abs(float(v)) for v in present) <= 1.5 else "decimaal"


def _header_columns(bestand: str, ws, quarter: Quarter, rows: list[tuple[int, tuple]]) -> dict[str, int]:
    """Each meaning's column: by the words of its header, and where a header holds the words of
    several meanings, by its values. A header without the words of any meaning is rejected."""
    cells = header_cells(ws, 4)
    columns: dict[str, list[int]] = {m: [] for m in MEANINGS}
    for i, header in enumerate(cells):
        if not header:
            continue
        meanings = _words(header)
        if len(meanings) > 1:
            by_values = BY_VALUES.get(
                _profile([values[i] if i < len(values) else None for _n, values in rows])
            )
            meanings = {by_values} & meanings
        if len(meanings) != 1:
            words = sorted(set(re.findall(r"[\w%.]+", header.casefold())))
            raise DeliveryRejected(
                bestand,
                where(ws, f"{column_letter(i)}4"),
                f"header {header!r} has no known meaning (words seen: {', '.join(words)}; expected one of "
                f"{', '.join(MEANINGS)})",
            )
        columns[meanings.pop()].append(i)
    for meaning, found in columns.items():
        if len(found) != 1:
            raise DeliveryRejected(
                bestand,
                where(ws, "row 4"),
                f"header has {len(found)} columns meaning '{meaning}', expected 1: {cells}",
            )
    chosen = {meaning: found[0] for meaning, found in columns.items()}
    year = re.search(r"\b(\d{4})\b", cells[chosen["taakstelling"]])
    if year and int(year[1]) != quarter.year:
        raise DeliveryRejected(
            bestand, where(ws, "row 4"), f"header has Taakstelling {year[1]} but the file is for {quarter}"
        )
    return chosen


def read(path: Path, regions=None) -> ParsedDelivery:
    bestand = path.name
    name = FILE_NAME.match(bestand)
    if not name:
        raise DeliveryRejected(
            bestand, None, "file name does not follow Monitor_Banenafspraak_Rijk_<YYYY>_Q<Q>"
        )
    quarter = period_in_name(bestand, name)

    workbook = open_workbook(path, ROW_LIMITS)
    if len(workbook.worksheets) != 1:
        raise DeliveryRejected(bestand, None, f"expected one sheet, found {workbook.sheetnames}")
    ws = workbook.worksheets[0]

    check_title(bestand, where(ws, "A1"), as_text(ws.cell("A1")) or "", quarter)
    stand_quarter = _stand(bestand, ws, ws.cell("A2"))
    if stand_quarter != quarter:
        raise DeliveryRejected(
            bestand, where(ws, "A2"), f"contents are for {stand_quarter} but the file name says {quarter}"
        )
    peildatum = quarter.last_day
    rows = data_rows(ws, 5)
    col = _header_columns(bestand, ws, quarter, rows)
    letter = {k: column_letter(v) for k, v in col.items()}

    raw_rows, staged, seen = [], [], {}
    warnings: list[str] = []
    total = None
    for number, values in rows:
        values = tuple(values) + (None,) * (max(col.values()) + 1 - len(values))
        organisatie = free_text(
            values[col["organisatie"]],
            bestand,
            where(ws, f"{letter['organisatie']}{number}"),
            "the organisation name",
        )
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
