"""Opening supplier workbooks and reading their cells, with rejections that name the cell.

Workbooks are read with python-calamine (Rust): every sheet's cached values in one pass, an order of
magnitude faster than openpyxl. A sheet is kept as a grid addressed like Excel (``B3``, row 4).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from .base import DeliveryRejected, check_int64, parse_dutch_int

ZIP_MAGIC = b"PK\x03\x04"


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


def open_workbook(path: Path) -> Workbook:
    """Read every sheet of a workbook, so that a corrupt part fails here and not halfway through a load."""
    with path.open("rb") as f:
        if f.read(4) != ZIP_MAGIC:
            raise DeliveryRejected(path.name, None, "not an XLSX workbook (an .xlsx file is a zip archive)")
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
