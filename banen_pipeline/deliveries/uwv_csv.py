"""Reader for UWV's trend report as CSV (quarters up to 2021Q2), spec §1."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..quarters import PERIOD_IN_NAME, parse_period
from .base import (
    NATIONAL_CODE,
    UWV,
    UWV_MEASURES,
    DeliveryFormat,
    DeliveryRejected,
    ParsedDelivery,
    Regions,
    check_title,
    dutch_int,
    parse_dutch_date,
    period_in_name,
    quarter_key,
    raw_columns,
    raw_frame,
    staging_frame,
)

FILE_NAME = re.compile(
    rf"^UWV_Trendrapportage_Banenafspraak_(?P<quarter>{PERIOD_IN_NAME})(?:_(?P<suffix>[^.]+))?\.csv$"
)

HEADER = [
    "Arbeidsmarktregio",
    "Regiocode",
    "Personen in doelgroepregister",
    "Werkzame personen",
    "Extra banen regulier overheid",
    "Extra banen regulier markt",
    "Extra banen inleen",
    "Extra banen totaal",
    "Banen totaal",
]
RAW_TABLE = "raw.uwv_trendrapportage"

_PUBLICATION = re.compile(r"^Publicatiedatum: (\d{2}-\d{2}-\d{4})$")


def _decode(bestand: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "UTF-8", data[3:]
    else:
        encoding, body = "Windows-1252", data
    try:
        return body.decode("utf-8" if encoding == "UTF-8" else "cp1252")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise DeliveryRejected(
            bestand, f"line {line}", f"byte {body[exc.start]:#04x} is not valid {encoding}"
        ) from None


def _split_lines(bestand: str, text: str) -> list[str]:
    """Lines end in CRLF; the last line may lack its line ending."""
    pieces = text.split("\r\n")
    if pieces and pieces[-1] == "":
        pieces.pop()
    for number, piece in enumerate(pieces, start=1):
        if "\r" in piece or "\n" in piece:
            raise DeliveryRejected(bestand, f"line {number}", "lines must end in CRLF")
    return pieces


def _is_separator_line(fields: list[str]) -> bool:
    return all(f.strip() == "" for f in fields)


def _only_separators(line: str) -> bool:
    return line.replace(";", "").strip() == ""


def _table_end(lines: list[str]) -> int:
    """The index of the separator line that closes the table: the second line of only separators
    after the three heading lines (the first comes before the header); the last line if none."""
    separators = (i for i in range(3, len(lines)) if _only_separators(lines[i]))
    next(separators, None)
    return next(separators, len(lines) - 1)


def _check_footnotes(bestand: str, lines: list[str], first: int) -> None:
    """After the table only footnote lines may follow (``Bron: …``, ``* …``: text in the first field,
    the other fields empty) and lines of only separators. Anything with more than one filled field,
    such as a second header or a second table appended to the first, rejects the delivery."""
    for number, line in enumerate(lines[first:], start=first + 1):
        if _only_separators(line):
            continue
        fields = next(csv.reader([line], delimiter=";"))
        if sum(1 for f in fields if f.strip()) > 1:
            raise DeliveryRejected(
                bestand,
                f"line {number}",
                "data after the table: only footnote lines ('Bron: ...', '* ...') may follow its closing separator line",
            )


def read(path: Path, regions: Regions) -> ParsedDelivery:
    bestand = path.name
    name = FILE_NAME.match(bestand)
    if not name:
        raise DeliveryRejected(
            bestand, None, "file name does not follow UWV_Trendrapportage_Banenafspraak_<YYYY>K<Q>"
        )
    quarter = period_in_name(bestand, name)

    lines = _split_lines(bestand, _decode(bestand, path.read_bytes()))
    end = _table_end(lines)
    rows = list(csv.reader(lines[: end + 1], delimiter=";"))  # the footnotes are checked as lines

    def line_text(i: int) -> str:
        return rows[i][0].strip() if i < len(rows) and rows[i] else ""

    if len(rows) < 4:
        raise DeliveryRejected(bestand, None, f"file has {len(rows)} lines; truncated before the table")
    if not line_text(0):
        raise DeliveryRejected(bestand, "line 1", "expected a title")
    check_title(bestand, "line 1", line_text(0), quarter)
    try:  # 'Stand per 30-06-2019', or the quarter in any spelling
        stand_quarter = parse_period(line_text(1))
    except ValueError as exc:
        raise DeliveryRejected(bestand, "line 2", f"expected 'Stand per DD-MM-YYYY': {exc}") from None
    if stand_quarter != quarter:
        raise DeliveryRejected(
            bestand, "line 2", f"contents are for {stand_quarter} but the file name says {quarter}"
        )
    publication = _PUBLICATION.match(line_text(2))
    if not publication:
        raise DeliveryRejected(bestand, "line 3", "expected 'Publicatiedatum: DD-MM-YYYY'")
    try:
        publicatiedatum = parse_dutch_date(publication[1])
    except ValueError:
        raise DeliveryRejected(bestand, "line 3", f"{publication[1]!r} is not a date") from None

    # Optional note lines ('Herziene versie'), then a line of only separators, then the header.
    i = 3
    while i < len(rows) and not _is_separator_line(rows[i]):
        i += 1
    header_index = i + 1
    if header_index >= len(rows):
        raise DeliveryRejected(bestand, None, "no separator line and header before the table; truncated")
    header = [h.strip() for h in rows[header_index]]
    if header != HEADER:
        raise DeliveryRejected(
            bestand, f"line {header_index + 1}", f"header {header} differs from the agreed {HEADER}"
        )

    raw_rows: list[dict] = []
    staged: list[dict] = []
    seen: dict[str, int] = {}
    i = header_index + 1
    while True:
        line = i + 1
        if i >= len(rows):
            raise DeliveryRejected(
                bestand, f"line {line}", "file ends inside the table (no closing separator line); truncated"
            )
        fields = rows[i]
        if _is_separator_line(fields):
            break
        if len(fields) != len(HEADER):
            if i == len(rows) - 1:
                raise DeliveryRejected(bestand, f"line {line}", "file ends inside the table; truncated")
            raise DeliveryRejected(
                bestand,
                f"line {line}",
                f"expected {len(HEADER)} fields separated by ';', found {len(fields)}",
            )
        if NATIONAL_CODE in seen:
            raise DeliveryRejected(bestand, f"line {line}", "rows after the national row 'Nederland;NL'")
        code = fields[1].strip()
        if code in seen:
            raise DeliveryRejected(
                bestand, f"line {line}", f"regiocode {code} appears twice (also on line {seen[code]})"
            )
        regio = regions.check_name(bestand, f"line {line}", code, fields[0])
        seen[code] = line
        values = {
            measure: dutch_int(text, bestand, f"line {line}", column)
            for column, measure, text in zip(HEADER[2:], UWV_MEASURES, fields[2:], strict=True)
        }
        raw_rows.append(dict(zip(raw_columns(RAW_TABLE), [bestand, line, *fields], strict=True)))
        staged.append(
            {
                "kwartaal": str(quarter),
                "regiocode": code,
                "regio": regio,
                "publicatiedatum": publicatiedatum,
                **values,
                "bestand": bestand,
                "bron_locatie": f"line {line}",
            }
        )
        i += 1

    _check_footnotes(bestand, lines, i + 1)
    table_lines = f"lines {header_index + 2}-{i}"
    regions.check_complete(bestand, table_lines, seen)
    if staged[-1]["regiocode"] != NATIONAL_CODE:
        raise DeliveryRejected(bestand, table_lines, "the national row 'Nederland;NL' must come last")

    return ParsedDelivery(
        bestand=bestand,
        bron=UWV.bron,
        periode=str(quarter),
        publicatiedatum=publicatiedatum,
        raw={RAW_TABLE: raw_frame(raw_rows, RAW_TABLE)},
        staging=staging_frame(staged, UWV),
    )


FORMAT = DeliveryFormat("uwv_trendrapportage_csv", UWV, FILE_NAME, read, quarter_key)
