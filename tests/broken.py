"""Copies of sample deliveries: broken ones, each breaking one rule of the delivery agreement, and
later quarters of a sample."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from banen_pipeline.config import DEFAULTS
from banen_pipeline.quarters import Quarter, publication_due

from .conftest import UWV

CSV_2019K2 = UWV / "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
XLSX_2022Q3 = UWV / "Dashboard_Banenafspraak_export_2022-Q3.xlsx"


def csv_lines(path: Path = CSV_2019K2) -> list[bytes]:
    return path.read_bytes().split(b"\r\n")


def join(lines: list[bytes]) -> bytes:
    return b"\r\n".join(lines)


def thousands(n: int) -> str:
    """A count as UWV's trend report writes it: 131.271."""
    return f"{n:,}".replace(",", ".")


def csv_figure(code: str, column: int, path: Path = CSV_2019K2) -> int:
    """A figure of a UWV trend report: the row of region ``code`` (NL: the national row), the
    column ``column`` (0-based: 5 regulier markt, 7 extra banen totaal, 8 banen totaal)."""
    for line in path.read_bytes().decode("cp1252").split("\r\n"):
        cells = line.split(";")
        if len(cells) == 9 and cells[1] == code:
            return int(cells[column].replace(".", ""))
    raise LookupError(f"no row {code} in {path.name}")


def csv_shifted(
    shifts: dict[tuple[str, int], int], path: Path = CSV_2019K2, published: str | None = None
) -> bytes:
    """A UWV trend report with figures moved: (region code, column) -> the amount added, written as
    UWV writes them; with another publication date (``14-04-2020``) when ``published`` is given."""
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    for i, line in enumerate(lines):
        cells = line.split(";")
        if published and line.startswith("Publicatiedatum"):
            lines[i] = f"Publicatiedatum: {published};;;;;;;;"
        elif len(cells) == 9 and any((cells[1], c) in shifts for c in range(9)):
            for (code, column), amount in shifts.items():
                if code == cells[1]:
                    cells[column] = thousands(int(cells[column].replace(".", "")) + amount)
            lines[i] = ";".join(cells)
    return "\r\n".join(lines).encode("cp1252")


def csv_missing_region() -> bytes:
    lines = csv_lines()
    del lines[6]  # the second region row
    return join(lines)


def csv_duplicate_region() -> bytes:
    lines = csv_lines()
    lines.insert(6, lines[5])
    return join(lines)


def csv_text_in_number() -> bytes:
    """Line 14, column 'Extra banen regulier markt' becomes 'n.b.'."""
    lines = csv_lines()
    fields = lines[13].split(b";")
    fields[5] = b"n.b."
    lines[13] = b";".join(fields)
    return join(lines)


def csv_truncated() -> bytes:
    data = CSV_2019K2.read_bytes()
    return data[: len(data) // 2]


def csv_quarter_mismatch() -> bytes:
    """Contents of 2019K2 under the name of 2019K3."""
    return CSV_2019K2.read_bytes()


def xlsx_corrupt() -> bytes:
    data = XLSX_2022Q3.read_bytes()
    return data[:2000] + b"\x00" * 500 + data[2500:]


def xlsx_edit(edit, source: Path = XLSX_2022Q3) -> bytes:
    """``source`` (a sample workbook) as bytes after ``edit(workbook)``."""
    workbook = load_workbook(source)
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def uwv_xlsx(year: int, quarter: int) -> bytes:
    """UWV's 2023 Q4 dashboard export as the export of a later quarter (same figures, that period,
    published three and a half months after it)."""
    due = publication_due(Quarter(year, quarter))

    def as_later_quarter(workbook) -> None:
        for sheet in workbook:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value == "2023 Q4":
                        cell.value = f"{year} Q{quarter}"
        workbook["Toelichting"]["B4"].value = dt.datetime(due.year, due.month, due.day)

    return xlsx_edit(as_later_quarter, UWV / "Dashboard_Banenafspraak_export_2023-Q4.xlsx")


BROKEN_UWV = {
    "UWV_Trendrapportage_Banenafspraak_2019K2.csv": (csv_missing_region, "line", "missing AM"),
    "UWV_Trendrapportage_Banenafspraak_2019K2_dup.csv": (csv_duplicate_region, "line 7", "appears twice"),
    "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv": (
        csv_text_in_number,
        "line 14",
        "'n.b.' in column 'Extra banen regulier markt' is not a number",
    ),
    "UWV_Trendrapportage_Banenafspraak_2019K2_kort.csv": (csv_truncated, "line", "truncated"),
    "UWV_Trendrapportage_Banenafspraak_2019K3.csv": (csv_quarter_mismatch, "line 2", "file name says 2019Q3"),
    "Dashboard_Banenafspraak_export_2022-Q3.xlsx": (xlsx_corrupt, "", "not a readable XLSX workbook"),
}
"""file name -> (make bytes, place named in the reason, rule named in the reason)"""


def suites_with_rule(folder: Path, suite: str, rule: str, kwargs: dict, why: str) -> Path:
    """A copy of expectations/ in ``folder`` where ``suite`` has one more critical expectation."""
    suites = shutil.copytree(DEFAULTS["expectations"], folder)
    path = suites / f"{suite}.json"
    data = json.loads(path.read_text())
    data["expectations"].append(
        {"type": rule, "kwargs": kwargs, "severity": "critical", "meta": {"beschrijving": why}}
    )
    path.write_text(json.dumps(data))
    return suites
