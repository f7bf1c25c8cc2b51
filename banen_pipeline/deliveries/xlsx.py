"""Opening supplier workbooks and reading their cells, with rejections that name the cell.

Workbooks are read with python-calamine (Rust): every sheet's cached values in one pass, an order of
magnitude faster than openpyxl. A sheet is kept as a grid addressed like Excel (``B3``, row 4).

Before calamine reads a workbook, :func:`check_bounds` makes sure it is no bomb: the 16 MiB file limit
does not bound what a zip unpacks to (10 MB of repeated XML can unpack to gigabytes). Every part is
unpacked as a stream and counted, never held whole, and a delivery is rejected as soon as a part
passes MAX_PART_BYTES, the workbook MAX_WORKBOOK_BYTES, or a sheet its rows' limit.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, XMLPullParser

from python_calamine import CalamineWorkbook

from .base import DeliveryRejected, check_int64, parse_dutch_int

ZIP_MAGIC = b"PK\x03\x04"
MAX_PART_BYTES = 4 * 2**20
"""The most one part of a workbook (a sheet's XML, the shared strings) may unpack to: the agreed
Banen sheet (145 rows of 6 cells) is about 25 KB of XML, so 4 MiB is over a hundred times it."""
MAX_WORKBOOK_BYTES = 16 * 2**20
"""The most a whole workbook may unpack to: the limit a delivery file has on disk."""
CHUNK = 2**16


@dataclass
class Worksheet:
    title: str
    grid: list[list[Any]]
    """Row 1 first, column A first; empty cells are None."""

    def cell(self, coordinate: str) -> Any:
        letters = "".join(c for c in coordinate if c.isalpha()).upper()
        row = int(coordinate[len(letters) :])
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - ord("A") + 1
        return self.row(row)[column - 1] if column <= len(self.row(row)) else None

    def row(self, number: int) -> list[Any]:
        return self.grid[number - 1] if 0 < number <= len(self.grid) else []


@dataclass
class Workbook:
    worksheets: list[Worksheet]

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self.worksheets]


RowLimits = dict[str | None, int]
"""Per sheet title (None: any other sheet) the most rows with a filled cell it may have."""


def _stream(book: zipfile.ZipFile, name: str, bestand: str, used: list[int]):
    """A part's bytes in chunks, stopping with a rejection once it or the workbook is over its limit."""
    read = 0
    with book.open(name) as part:
        while chunk := part.read(CHUNK):
            read += len(chunk)
            used[0] += len(chunk)
            if read > MAX_PART_BYTES:
                raise DeliveryRejected(
                    bestand,
                    None,
                    f"part {name} unpacks to more than {MAX_PART_BYTES // 2**20} MiB (limit per part)",
                )
            if used[0] > MAX_WORKBOOK_BYTES:
                raise DeliveryRejected(
                    bestand,
                    None,
                    f"the workbook unpacks to more than {MAX_WORKBOOK_BYTES // 2**20} MiB (limit)",
                )
            yield chunk


def _elements(chunks, bestand: str, name: str):
    """(event, element) of an XML part read as a stream; each element cleared once read."""
    parser = XMLPullParser(events=("start", "end"))
    try:
        for chunk in chunks:
            if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
                raise DeliveryRejected(bestand, None, f"part {name} declares a DTD, which no workbook needs")
            parser.feed(chunk)
            for event, element in parser.read_events():
                yield event, element
                if event == "end":
                    element.clear()
        parser.close()
    except ParseError as exc:
        raise DeliveryRejected(bestand, None, f"not a readable XLSX workbook (part {name}: {exc})") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def check_bounds(path: Path, row_limits: RowLimits) -> None:
    """Reject a workbook that unpacks to more than the limits allow, or whose sheets have more
    filled rows than ``row_limits`` (from the delivery agreement), before anything reads it whole."""
    bestand = path.name
    used = [0]
    try:
        with zipfile.ZipFile(path) as book:
            names = set(book.namelist())
            sheets = {}  # part name -> sheet title
            if "xl/workbook.xml" in names and "xl/_rels/workbook.xml.rels" in names:
                targets = {
                    e.get("Id"): e.get("Target", "")
                    for ev, e in _elements(
                        _stream(book, "xl/_rels/workbook.xml.rels", bestand, used), bestand, "rels"
                    )
                    if ev == "start" and _local(e.tag) == "Relationship"
                }
                for ev, e in _elements(
                    _stream(book, "xl/workbook.xml", bestand, used), bestand, "xl/workbook.xml"
                ):
                    if ev == "start" and _local(e.tag) == "sheet":
                        rid = next((v for k, v in e.attrib.items() if _local(k) == "id"), None)
                        target = targets.get(rid, "").lstrip("/")
                        sheets[target if target.startswith("xl/") else f"xl/{target}"] = e.get("name", "")
            for name in sorted(names):
                if name in sheets:
                    _check_sheet_rows(book, name, sheets[name], bestand, used, row_limits)
                else:
                    for _chunk in _stream(book, name, bestand, used):
                        pass
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
        zlib.error,
    ) as exc:
        # a damaged zip fails in many ways (an offset past the end: OSError; bad deflate data: zlib.error)
        raise DeliveryRejected(
            bestand, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"
        ) from None


def _check_sheet_rows(
    book, name: str, title: str, bestand: str, used: list[int], row_limits: RowLimits
) -> None:
    limit = next(
        (n for t, n in row_limits.items() if t is not None and t.casefold() == title.strip().casefold()), None
    )
    limit = limit if limit is not None else row_limits.get(None)
    rows, filled = 0, False
    for event, element in _elements(_stream(book, name, bestand, used), bestand, name):
        tag = _local(element.tag)
        if event == "start" and tag == "row":
            filled = False
        elif event == "start" and tag in ("v", "is"):
            filled = True
        elif event == "end" and tag == "row" and filled:
            rows += 1
            if limit is not None and rows > limit:
                raise DeliveryRejected(
                    bestand,
                    f"sheet '{title}'",
                    f"has more than {limit} filled rows (the limit from the delivery agreement)",
                )


def open_workbook(path: Path, row_limits: RowLimits) -> Workbook:
    """Read every sheet of a workbook, so that a corrupt part fails here and not halfway through a
    load; first check that it stays within the bounds (:func:`check_bounds`)."""
    with path.open("rb") as f:
        if f.read(4) != ZIP_MAGIC:
            raise DeliveryRejected(path.name, None, "not an XLSX workbook (an .xlsx file is a zip archive)")
    check_bounds(path, row_limits)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = [
            Worksheet(
                name,
                [
                    [None if v == "" else v for v in row]
                    for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                ],
            )
            for name in book.sheet_names
        ]
    except Exception as exc:  # calamine reports a broken zip or broken XML in several ways
        raise DeliveryRejected(
            path.name, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"
        ) from None
    return Workbook(sheets)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet(workbook: Workbook, bestand: str, title: str) -> Worksheet:
    for ws in workbook.worksheets:
        if ws.title.strip().casefold() == title.casefold():
            return ws
    raise DeliveryRejected(bestand, None, f"sheet '{title}' is missing (sheets: {workbook.sheetnames})")


def where(ws: Worksheet, coordinate: str) -> str:
    return f"sheet '{ws.title}' cell {coordinate}"


def as_text(value: Any) -> str | None:
    """A cell as text for the raw layer."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_int(value: Any, bestand: str, location: str, column: str) -> int:
    """A whole number within BIGINT range: a numeric cell without decimals, or text in Dutch format."""
    try:
        if isinstance(value, bool) or value is None:
            pass
        elif isinstance(value, int):
            return check_int64(value)
        elif isinstance(value, float) and value.is_integer():
            return check_int64(int(value))
        elif isinstance(value, str):
            return parse_dutch_int(value)
    except ValueError:
        pass
    raise DeliveryRejected(
        bestand, location, f"{value!r} in column '{column}' is not a whole number in range"
    )


def as_float(value: Any, bestand: str, location: str, column: str) -> float:
    """A finite number."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise DeliveryRejected(bestand, location, f"{value!r} in column '{column}' is not a (finite) number")


def header_cells(ws: Worksheet, row: int) -> list[str]:
    """The header row as stripped text, trailing empty cells dropped."""
    cells = [("" if v is None else as_text(v).strip()) for v in ws.row(row)]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def data_rows(ws: Worksheet, first_row: int) -> list[tuple[int, tuple]]:
    """(row number, values) from ``first_row`` down, ignoring entirely empty rows."""
    rows = []
    for number in range(first_row, len(ws.grid) + 1):
        values = tuple(ws.row(number))
        if any(v is not None and str(v).strip() != "" for v in values):
            rows.append((number, values))
    return rows
