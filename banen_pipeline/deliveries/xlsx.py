"""Opening supplier workbooks and reading their cells, with rejections that name the cell."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .base import DeliveryRejected, parse_dutch_int


def open_workbook(path: Path) -> Workbook:
    """Load a whole workbook, so that a corrupt part fails here and not halfway through a load."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            return load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken zip or broken XML
        raise DeliveryRejected(
            path.name, None, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})"
        ) from None


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
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_int(value: Any, bestand: str, location: str, column: str) -> int:
    """A whole number: a numeric cell without decimals, or text in Dutch format."""
    if isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        return value
    elif isinstance(value, float) and value.is_integer():
        return int(value)
    elif isinstance(value, str):
        try:
            return parse_dutch_int(value)
        except ValueError:
            pass
    raise DeliveryRejected(bestand, location, f"{value!r} in column '{column}' is not a whole number")


def as_float(value: Any, bestand: str, location: str, column: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise DeliveryRejected(bestand, location, f"{value!r} in column '{column}' is not a number")


def header_cells(ws: Worksheet, row: int) -> list[str]:
    """The header row as stripped text, trailing empty cells dropped."""
    cells = [("" if c.value is None else str(c.value).strip()) for c in ws[row]]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def data_rows(ws: Worksheet, first_row: int) -> list[tuple[int, tuple]]:
    """(row number, values) from ``first_row`` down, ignoring entirely empty rows."""
    rows = []
    for number, values in enumerate(ws.iter_rows(min_row=first_row, values_only=True), start=first_row):
        if any(v is not None and str(v).strip() != "" for v in values):
            rows.append((number, values))
    return rows
