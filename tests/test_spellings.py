"""Deliveries the agreement allows that nobody here has sent yet: every spelling of a period in every
place a delivery names one, Rijk monitors whose header says the same things in other words, and a
workbook that unpacks to gigabytes, which must be refused before it is read."""

import datetime as dt
import io
import time
import tracemalloc
import zipfile

import pytest

from banen_pipeline.deliveries import DeliveryRejected, scan_landing
from banen_pipeline.deliveries.xlsx import MAX_PART_BYTES
from banen_pipeline.quarters import Quarter

from .broken import csv_lines, join, xlsx_edit
from .conftest import SAMPLES, UWV

CSV_Q = Quarter(2019, 2)
XLSX_Q = Quarter(2022, 3)
RIJK = SAMPLES / "rijk" / "Monitor_Banenafspraak_Rijk_2022_Q3.xlsx"


def spellings(q: Quarter) -> list[str]:
    """Every way the shared conventions write a quarter."""
    return [
        f"{q.year}K{q.q}",
        f"{q.year}-Q{q.q}",
        f"{q.year} Q{q.q}",
        f"{q.year}_Q{q.q}",
        f"Stand per {q.last_day:%d-%m-%Y}",
    ]


def _read(tmp_path, name: str, data: bytes, regions):
    """The file as the landing scan finds it (its quarter from its name) and as its reader reads it."""
    (tmp_path / name).write_bytes(data)
    [landed] = scan_landing(tmp_path)
    return landed, landed.read(regions)


def _csv(
    stand: str = "Stand per 30-06-2019", title: str = "Regionale trendrapportage banenafspraak"
) -> bytes:
    lines = csv_lines()
    lines[0] = title.encode("cp1252") + b";;;;;;;;"
    lines[1] = stand.encode("cp1252") + b";;;;;;;;"
    return join(lines)


@pytest.mark.parametrize("spelling", spellings(CSV_Q))
def test_every_spelling_in_a_csv_file_name(regions, tmp_path, spelling):
    landed, parsed = _read(tmp_path, f"UWV_Trendrapportage_Banenafspraak_{spelling}.csv", _csv(), regions)
    assert landed.partition == parsed.periode == str(CSV_Q)
    assert set(parsed.staging["kwartaal"]) == {str(CSV_Q)}


@pytest.mark.parametrize("spelling", [*spellings(CSV_Q), "30-06-2019", "Stand: 30 juni 2019"])
def test_every_spelling_in_the_stand_line_and_the_title(regions, tmp_path, spelling):
    name = "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
    _landed, parsed = _read(
        tmp_path, name, _csv(stand=spelling, title=f"Trendrapportage banenafspraak {spelling}"), regions
    )
    assert parsed.periode == str(CSV_Q)


def test_a_title_naming_another_quarter_is_rejected(regions, tmp_path):
    name = "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
    with pytest.raises(
        DeliveryRejected, match=r"line 1: the title names 2019Q3 but the file name says 2019Q2"
    ):
        _read(tmp_path, name, _csv(title="Trendrapportage banenafspraak 2019-Q3"), regions)


def _dashboard(period) -> bytes:
    """The 2022 Q3 dashboard export with its period written as ``period`` in Toelichting!B3 and in
    every Periode cell."""

    def respell(workbook) -> None:
        workbook["Toelichting"]["B3"].value = period
        for title in ("Banen", "Personen"):
            for row in workbook[title].iter_rows(min_row=2):
                row[0].value = period

    return xlsx_edit(respell, UWV / "Dashboard_Banenafspraak_export_2022-Q3.xlsx")


@pytest.mark.parametrize("spelling", spellings(XLSX_Q))
def test_every_spelling_in_a_dashboard_file_name(regions, tmp_path, spelling):
    data = (UWV / "Dashboard_Banenafspraak_export_2022-Q3.xlsx").read_bytes()
    landed, parsed = _read(tmp_path, f"Dashboard_Banenafspraak_export_{spelling}.xlsx", data, regions)
    assert landed.partition == parsed.periode == str(XLSX_Q)


@pytest.mark.parametrize("period", [*spellings(XLSX_Q), dt.datetime(2022, 9, 30)], ids=str)
def test_every_spelling_in_the_period_cell_and_column(regions, tmp_path, period):
    _landed, parsed = _read(
        tmp_path, "Dashboard_Banenafspraak_export_2022-Q3.xlsx", _dashboard(period), regions
    )
    assert parsed.periode == str(XLSX_Q) and parsed.staging.height == 36


def test_a_period_cell_that_is_not_a_quarters_last_day_is_rejected(regions, tmp_path):
    with pytest.raises(DeliveryRejected, match=r"cell B3: 31-08-2022 is not the last day of a quarter"):
        _read(
            tmp_path,
            "Dashboard_Banenafspraak_export_2022-Q3.xlsx",
            _dashboard("Stand per 31-08-2022"),
            regions,
        )


def _rijk(edit) -> bytes:
    return xlsx_edit(lambda wb: edit(wb.worksheets[0]), RIJK)


@pytest.mark.parametrize("spelling", spellings(XLSX_Q))
def test_every_spelling_in_a_rijk_file_name_and_its_stand_line(regions, tmp_path, spelling):
    data = _rijk(
        lambda ws: ws.__setitem__("A2", spelling if spelling.startswith("Stand") else f"Stand: {spelling}")
    )
    landed, parsed = _read(tmp_path, f"Monitor_Banenafspraak_Rijk_{spelling}.xlsx", data, regions)
    assert landed.partition == parsed.periode == str(XLSX_Q)
    assert set(parsed.staging["peildatum"]) == {dt.date(2022, 9, 30)}


WORDINGS = {
    "other words": ["Onderdeel", "Doelstelling 2022", "Aantal gerealiseerde banen", "% gerealiseerd"],
    "numbers named last": [
        "Ministerie",
        "Opgave (aantal banen) 2022",
        "Gerealiseerd (banen van 25,5 uur)",
        "Percentage",
    ],
    "capitals, no year": ["ORGANISATIE  ", "TAAKSTELLING", "REALISATIE (BANEN)", "REALISATIE (%)"],
    "English": ["Organisation", "Target 2022", "Realised jobs", "Realised %"],
    "both words, values decide": [
        "Organisatie",
        "Taakstelling 2022",
        "Banen",
        "Realisatie t.o.v. taakstelling",
    ],
    "one word the target shares": [
        "Organisatie",
        "Taakstelling banen 2022",
        "Realisatie banen",
        "Realisatiegraad",
    ],
}


@pytest.mark.parametrize("wording", WORDINGS.values(), ids=list(WORDINGS))
def test_rijk_headers_are_read_by_meaning(regions, tmp_path, wording):
    def reword(ws) -> None:
        for column, text in zip("ABCD", wording, strict=True):
            ws[f"{column}4"] = text

    _landed, parsed = _read(tmp_path, RIJK.name, _rijk(reword), regions)
    total = parsed.staging.filter(parsed.staging["organisatie"] == "Totaal Rijk").row(0, named=True)
    assert (total["taakstelling"], total["realisatie"]) == (5144, 3601.0)


def test_rijk_columns_in_another_order_are_read_by_meaning(regions, tmp_path):
    def swap(ws) -> None:  # realisation and target change places, header and values alike
        for row in ws.iter_rows(min_row=4):
            row[1].value, row[2].value = row[2].value, row[1].value

    _landed, parsed = _read(tmp_path, RIJK.name, _rijk(swap), regions)
    total = parsed.staging.filter(parsed.staging["organisatie"] == "Totaal Rijk").row(0, named=True)
    assert (total["taakstelling"], total["realisatie"]) == (5144, 3601.0)


def test_a_rijk_header_without_a_known_meaning_is_rejected_with_its_words(regions, tmp_path):
    data = _rijk(lambda ws: ws.__setitem__("C4", "Stand van zaken (fte)"))
    with pytest.raises(DeliveryRejected) as caught:
        _read(tmp_path, RIJK.name, data, regions)
    assert str(caught.value) == (
        f"{RIJK.name} sheet 'Monitor' cell C4: header 'Stand van zaken (fte)' has no known meaning "
        "(words seen: fte, stand, van, zaken; expected one of organisatie, taakstelling, realisatie, realisatie_pct)"
    )


def _bomb(sheet_bytes: int) -> bytes:
    """The 2022 Q3 dashboard export with its Banen sheet swapped for ``sheet_bytes`` of repeated row
    XML: a few hundred kilobytes on disk."""
    source = UWV / "Dashboard_Banenafspraak_export_2022-Q3.xlsx"
    row = b'<row><c t="n"><v>1</v></c><c t="n"><v>2</v></c><c t="n"><v>3</v></c></row>' * 1024
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            if info.filename.endswith("sheet2.xml"):
                with bomb.open(info.filename, "w", force_zip64=True) as part:
                    part.write(
                        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    )
                    for _ in range(sheet_bytes // len(row)):
                        part.write(row)
                    part.write(b"</sheetData></worksheet>")
            else:
                bomb.writestr(info, original.read(info.filename))
    return out.getvalue()


def test_a_workbook_that_unpacks_to_far_more_than_it_holds_is_refused_before_it_is_read(regions, tmp_path):
    data = _bomb(256 * 2**20)  # 256 MiB of sheet XML
    assert len(data) < 2 * 2**20
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DeliveryRejected) as caught:
        _read(tmp_path, "Dashboard_Banenafspraak_export_2022-Q3.xlsx", data, regions)
    seconds = time.perf_counter() - started
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    reason = str(caught.value)
    assert (
        "sheet 'Banen': has more than 145 filled rows" in reason
        or f"more than {MAX_PART_BYTES // 2**20} MiB" in reason
    )
    assert peak < 8 * 2**20 and seconds < 5, (peak, seconds)


def test_a_bomb_part_that_is_no_sheet_is_refused_at_its_size_limit(regions, tmp_path):
    source = UWV / "Dashboard_Banenafspraak_export_2022-Q3.xlsx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            bomb.writestr(info, original.read(info.filename))
        with bomb.open("xl/media/filler.bin", "w", force_zip64=True) as part:
            for _ in range(64):
                part.write(b"\0" * 2**20)
    with pytest.raises(
        DeliveryRejected, match=r"part xl/media/filler.bin unpacks to more than 4 MiB \(limit per part\)"
    ):
        _read(tmp_path, source.name, out.getvalue(), regions)
