"""Copies of sample deliveries: broken ones, each breaking one rule of the delivery agreement, and
later quarters of a sample."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl
from openpyxl import load_workbook

from banen_pipeline.config import DEFAULTS
from banen_pipeline.deliveries import MICRODATA_FOLDER
from banen_pipeline.quarters import Quarter, publication_due

from . import breaking
from .conftest import SAMPLES, UWV

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


FAILING_RULE = "deliberately failing rule for this test"
"""The words of the rule :func:`suites_failing_landelijk_kwartaal` adds."""


def suites_failing_landelijk_kwartaal(folder: Path) -> Path:
    """A copy of expectations/ in ``folder`` where marts.landelijk_kwartaal's suite has a critical
    rule every realized quarter breaks (``realisatie_pct`` at most 10): its check fails."""
    return suites_with_rule(
        folder,
        "marts_landelijk_kwartaal",
        "expect_column_values_to_be_between",
        {"column": "realisatie_pct", "max_value": 10},
        FAILING_RULE,
    )


# -- one delivery of each supplier, edited: the cases of tests/test_rules.py ---------------------------

UWV_FILE = "uwv/UWV_Trendrapportage_Banenafspraak_2019K2.csv"
SECTOR_FILE = "sectoren/Voortgangsrapportage_publieke_sectoren_2019.csv"
RIJK_FILE = "rijk/Monitor_Banenafspraak_Rijk_2019_Q2.xlsx"
EXTRACT_FILE = f"{MICRODATA_FOLDER}/kwartaal=2016Q1/part-0.parquet"
STEEKPROEF = "microdata_steekproef"
"""The suite of the payroll extract's rows."""


def uwv_shifted(shifts: dict[tuple[str, int], int], published: str | None = None) -> Callable[[], bytes]:
    return lambda: csv_shifted(shifts, published=published)


def uwv_lines(edit: Callable[[list[str]], None]) -> Callable[[], bytes]:
    """The 2019 Q2 trend report after ``edit(lines)``."""

    def build() -> bytes:
        lines = [line.decode("cp1252") for line in csv_lines()]
        edit(lines)
        return "\r\n".join(lines).encode("cp1252")

    return build


def uwv_cell(code: str, column: int, value: str) -> Callable[[list[str]], None]:
    def edit(lines: list[str]) -> None:
        for i, line in enumerate(lines):
            cells = line.split(";")
            if len(cells) == 9 and cells[1] == code:
                cells[column] = value
                lines[i] = ";".join(cells)

    return edit


def uwv_in_three_regions(column: int) -> Callable[[], bytes]:
    """``column`` one higher in three regions whose categories still add up within 1 after it: the
    regions' sum of that column is 3 off the NL row (more than the 2 allowed), every other rule holds."""

    def build() -> bytes:
        change = -1 if column in (4, 5, 6) else 1  # on extra_banen_totaal minus the categories
        codes = [
            code
            for code in (f"AM{n:02d}" for n in range(1, 46))
            if _has_row(code)
            and abs(csv_figure(code, 7) - sum(csv_figure(code, c) for c in (4, 5, 6)) + change) <= 1
        ]
        return csv_shifted({(code, column): 1 for code in codes[:3]})

    return build


def _has_row(code: str) -> bool:
    try:
        csv_figure(code, 2)
    except LookupError:
        return False
    return True


def sector_rows(edit: Callable[[list[list[str]]], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        rows = list(csv.reader(io.StringIO((SAMPLES / SECTOR_FILE).read_text(encoding="utf-8"))))
        edit(rows)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode("utf-8")

    return build


def _sector(rows: list[list[str]], name: str) -> list[str]:
    return next(r for r in rows if r[0] == name)


def sector_moved(column: int, source: str, value: int, target: str = "Gemeenten") -> Callable[[], bytes]:
    """``source``'s figure in ``column`` (2 target, 3 realisation) set to ``value``, the difference
    added to ``target``: the sums stay as they were."""

    def edit(rows: list[list[str]]) -> None:
        a, b = _sector(rows, source), _sector(rows, target)
        b[column] = str(int(b[column]) + int(a[column]) - value)
        a[column] = str(value)

    return sector_rows(edit)


def sector_shifted(name: str, column: int, amount: int) -> Callable[[], bytes]:
    """``amount`` added to ``name``'s figure in ``column`` (2 target, 3 realisation), nothing else."""

    def edit(rows: list[list[str]]) -> None:
        row = _sector(rows, name)
        row[column] = str(int(row[column]) + amount)

    return sector_rows(edit)


def sector_cell(name: str, column: int, value: str) -> Callable[[], bytes]:
    return sector_rows(lambda rows: _sector(rows, name).__setitem__(column, value))


def sector_merged(gone: str = "Provincies", into: str = "Gemeenten") -> Callable[[], bytes]:
    """``gone``'s row dropped and its figures added to ``into``'s: 12 sectors, the sums unchanged."""

    def edit(rows: list[list[str]]) -> None:
        a, b = _sector(rows, gone), _sector(rows, into)
        for column in (2, 3):
            b[column] = str(int(b[column]) + int(a[column]))
        rows.remove(a)

    return sector_rows(edit)


def sector_split(name: str = "Provincies") -> Callable[[], bytes]:
    """``name``'s row written twice, its figures split between the two: the sums unchanged."""

    def edit(rows: list[list[str]]) -> None:
        row = _sector(rows, name)
        twin = list(row)
        for column in (2, 3):
            half = int(row[column]) // 2
            twin[column], row[column] = str(half), str(int(row[column]) - half)
        rows.insert(rows.index(row) + 1, twin)

    return sector_rows(edit)


def rijk_cells(edit: Callable[[object], None]) -> Callable[[], bytes]:
    """The 2019 Q2 Rijk monitor after ``edit(sheet)``."""
    return lambda: xlsx_edit(lambda workbook: edit(workbook.worksheets[0]), SAMPLES / RIJK_FILE)


def _rijk_row(sheet, name: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == name)


def rijk_set(name: str, column: int, value) -> Callable[[], bytes]:
    """One cell of organisation ``name``'s row (column 1 name, 2 target, 3 realisation)."""
    return rijk_cells(lambda sheet: setattr(sheet.cell(_rijk_row(sheet, name), column), "value", value))


def rijk_moved(column: int, value: float, source: str = "Algemene Zaken", target: str = "Financiën"):
    """``source``'s figure in ``column`` set to ``value``, the difference added to ``target``, the
    percentages after them: Totaal Rijk still adds up."""

    def edit(sheet) -> None:
        a, b = _rijk_row(sheet, source), _rijk_row(sheet, target)
        sheet.cell(b, column).value = round(
            sheet.cell(b, column).value + sheet.cell(a, column).value - value, 1
        )
        sheet.cell(a, column).value = value
        for row in (a, b):
            sheet.cell(row, 4).value = sheet.cell(row, 3).value / sheet.cell(row, 2).value

    return rijk_cells(edit)


def rijk_shifted(name: str, column: int, amount: float) -> Callable[[], bytes]:
    def edit(sheet) -> None:
        row = _rijk_row(sheet, name)
        sheet.cell(row, column).value = sheet.cell(row, column).value + amount
        sheet.cell(row, 4).value = sheet.cell(row, 3).value / sheet.cell(row, 2).value

    return rijk_cells(edit)


def extract_row_broken(suite: str, description: str) -> Callable[[Path], None]:
    """The small extract's 2016Q1 file with its first row breaking the rule ``description`` of ``suite``."""

    def build(landing: Path) -> None:
        [expectation] = [
            e
            for e in breaking.suites(suite)[suite]["expectations"]
            if e["meta"]["beschrijving"] == description
        ]
        path = landing / EXTRACT_FILE
        breaking.break_extract_row(pl.read_parquet(path), expectation).write_parquet(path)

    return build
