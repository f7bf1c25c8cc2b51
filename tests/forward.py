"""Deliveries of the years after the samples, as the agreement allows them: UWV quarters 2024Q1-2026Q4
in both formats (the XLSX export and the CSV trend report, with the same figures), Rijk monitors
2024Q1-2026Q4 and the yearly sector reports for 2024 and 2025.

They carry the samples' last delivery forward with steady growth, so every rule of the agreement
holds (one row per region and a national row, totals within 2 banen, the Rijk total equal to the
sum of its organisations, the sectors' targets adding up to the government target). The figures are
made up: they are test data, never samples.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

from openpyxl import load_workbook

from banen_pipeline.quarters import Quarter, publication_due

from .broken import thousands
from .conftest import SAMPLES

LAST_SAMPLE = Quarter(2023, 4)
FORWARD_QUARTERS = [LAST_SAMPLE.shift(n) for n in range(1, 13)]  # 2024Q1 .. 2026Q4
FORWARD_YEARS = (2024, 2025)  # yearly sector reports

UWV_XLSX = SAMPLES / "uwv" / "Dashboard_Banenafspraak_export_2023-Q4.xlsx"
RIJK_XLSX = SAMPLES / "rijk" / "Monitor_Banenafspraak_Rijk_2023_Q4.xlsx"
SECTOREN_CSV = SAMPLES / "sectoren" / "Voortgangsrapportage_publieke_sectoren_2023.csv"

RIJK_CHANGES = {
    "from": Quarter(2025, 1),
    "renamed": {"Landbouw, Natuur en Voedselkwaliteit": "Landbouw, Visserij, Voedselzekerheid en Natuur"},
    "new": ("Klimaat en Groene Groei", 40, 6.0),
    "gone": "Hoge Colleges van Staat",
}
"""How the Rijk's organisations change in the monitors from 2025Q1 on."""

GROWTH_PER_QUARTER = {"Regulier overheid": 250, "Regulier markt": 1200, "Inleen": 0}
"""National extra banen added per quarter, spread over the regions by their share."""
PERSONS_PER_QUARTER = (800, 400)  # doelgroep, werkzame personen
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]  # fmt: skip


def _uwv_figures(steps: int) -> tuple[list[dict], list[dict]]:
    """(banen rows, personen rows) of UWV's 2023Q4 export grown by ``steps`` quarters; the
    national row is the sum of the regions'."""
    sheets = load_workbook(UWV_XLSX, read_only=True)
    banen = [r for r in sheets["Banen"].iter_rows(min_row=2, values_only=True) if r[0]]
    personen = [r for r in sheets["Personen"].iter_rows(min_row=2, values_only=True) if r[0]]
    regions = [(code, name) for (_, code, name, cat, *_rest) in banen if cat == "Totaal" and code != "NL"]
    totals = {code: extra for (_, code, _, cat, extra, _) in banen if cat == "Totaal" and code != "NL"}
    share = {code: totals[code] / sum(totals.values()) for code, _ in regions}
    by_key = {(code, cat): (extra, total) for (_, code, _, cat, extra, total) in banen}

    out_banen: list[dict] = []
    for code, name in regions:
        parts = {
            cat: by_key[code, cat][0] + round(share[code] * GROWTH_PER_QUARTER[cat] * steps)
            for cat in GROWTH_PER_QUARTER
        }
        added = sum(parts.values()) - by_key[code, "Totaal"][0]
        for cat, extra in parts.items():
            out_banen.append({"code": code, "name": name, "cat": cat, "extra": extra, "banen": None})
        out_banen.append(
            {"code": code, "name": name, "cat": "Totaal", "extra": sum(parts.values()),
             "banen": by_key[code, "Totaal"][1] + added}
        )  # fmt: skip
    for cat in (*GROWTH_PER_QUARTER, "Totaal"):
        rows = [r for r in out_banen if r["cat"] == cat]
        out_banen.append(
            {"code": "NL", "name": "Nederland", "cat": cat, "extra": sum(r["extra"] for r in rows),
             "banen": sum(r["banen"] for r in rows) if cat == "Totaal" else None}
        )  # fmt: skip

    out_personen: list[dict] = []
    for _, code, name, doelgroep, werkzaam in personen:
        if code == "NL":
            continue
        out_personen.append(
            {"code": code, "name": name,
             "doelgroep": doelgroep + round(share[code] * PERSONS_PER_QUARTER[0] * steps),
             "werkzaam": werkzaam + round(share[code] * PERSONS_PER_QUARTER[1] * steps)}
        )  # fmt: skip
    out_personen.append(
        {"code": "NL", "name": "Nederland",
         "doelgroep": sum(r["doelgroep"] for r in out_personen),
         "werkzaam": sum(r["werkzaam"] for r in out_personen)}
    )  # fmt: skip
    return out_banen, out_personen


def uwv_xlsx(quarter: Quarter) -> bytes:
    """UWV's dashboard export of ``quarter``."""
    banen, personen = _uwv_figures(quarter.index - LAST_SAMPLE.index)
    period = f"{quarter.year} Q{quarter.q}"
    due = publication_due(quarter)
    workbook = load_workbook(UWV_XLSX)
    workbook["Toelichting"]["B3"].value = period
    workbook["Toelichting"]["B4"].value = dt.datetime(due.year, due.month, due.day)
    sheet = workbook["Banen"]
    for i, row in enumerate(banen, start=2):
        for column, value in enumerate(
            (period, row["code"], row["name"], row["cat"], row["extra"], row["banen"]), 1
        ):
            sheet.cell(i, column).value = value
    sheet = workbook["Personen"]
    for i, row in enumerate(personen, start=2):
        for column, value in enumerate(
            (period, row["code"], row["name"], row["doelgroep"], row["werkzaam"]), 1
        ):
            sheet.cell(i, column).value = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def uwv_csv(quarter: Quarter) -> bytes:
    """UWV's trend report of ``quarter`` as CSV (Windows-1252, CRLF, ';'), the export's figures."""
    banen, personen = _uwv_figures(quarter.index - LAST_SAMPLE.index)
    due = publication_due(quarter)
    by = {(r["code"], r["cat"]): r for r in banen}
    lines = [
        "Regionale trendrapportage banenafspraak;;;;;;;;",
        f"Stand per {quarter.last_day:%d-%m-%Y};;;;;;;;",
        f"Publicatiedatum: {due:%d-%m-%Y};;;;;;;;",
        ";;;;;;;;",
        "Arbeidsmarktregio;Regiocode;Personen in doelgroepregister;Werkzame personen;Extra banen regulier "
        "overheid;Extra banen regulier markt;Extra banen inleen;Extra banen totaal;Banen totaal",
    ]
    for p in personen:
        code = p["code"]
        figures = [
            p["doelgroep"],
            p["werkzaam"],
            by[code, "Regulier overheid"]["extra"],
            by[code, "Regulier markt"]["extra"],
            by[code, "Inleen"]["extra"],
            by[code, "Totaal"]["extra"],
            by[code, "Totaal"]["banen"],
        ]
        lines.append(";".join([p["name"], code, *map(thousands, figures)]))
    lines += [
        ";;;;;;;;",
        "Bron: UWV, Polisadministratie en Doelgroepregister.;;;;;;;;",
        "* Extra banen ten opzichte van de nulmeting (31-12-2012). Eén baan = 25,5 verloonde uren per week.;;;;;;;;",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def rijk_figures(quarter: Quarter) -> tuple[list[tuple[str, int, float]], float]:
    """([(organisation, target, realisation)], total realisation) of the Rijk monitor of
    ``quarter``: the 2023Q4 targets, each realisation up 1% of its target a quarter. From 2025 the
    organisations change as ministries do (``RIJK_CHANGES``): one renamed, one new, one gone."""
    steps = quarter.index - LAST_SAMPLE.index
    sheet = load_workbook(RIJK_XLSX, read_only=True)["Monitor"]
    rows = []
    for name, target, realisation, *_ in sheet.iter_rows(min_row=5, values_only=True):
        if not name or not isinstance(target, int) or name.startswith("Totaal"):
            continue
        name = name.strip()
        if not quarter < RIJK_CHANGES["from"]:
            if name == RIJK_CHANGES["gone"]:
                continue
            name = RIJK_CHANGES["renamed"].get(name, name)
        rows.append((name, target, round(realisation + target * 0.01 * steps, 1)))
    if not quarter < RIJK_CHANGES["from"]:
        name, target, realisation = RIJK_CHANGES["new"]
        rows.append(
            (
                name,
                target,
                round(realisation + target * 0.01 * (quarter.index - RIJK_CHANGES["from"].index), 1),
            )
        )
    return rows, round(sum(r for _, _, r in rows), 1)


def rijk_xlsx(quarter: Quarter) -> bytes:
    """The Monitor Banenafspraak Rijk of ``quarter``."""
    rows, total = rijk_figures(quarter)
    day = quarter.last_day
    workbook = load_workbook(RIJK_XLSX)
    sheet = workbook["Monitor"]
    sheet["A2"].value = f"Stand: {day.day} {MONTHS[day.month - 1]} {day.year}"
    sheet["B4"].value = f"Taakstelling {quarter.year} (banen)"
    for i, (name, target, realisation) in enumerate(rows, start=5):
        sheet.cell(i, 1).value, sheet.cell(i, 2).value = name, target
        sheet.cell(i, 3).value, sheet.cell(i, 4).value = realisation, realisation / target
    i = 5 + len(rows)
    target_total = sum(t for _, t, _ in rows)
    sheet.cell(i, 1).value, sheet.cell(i, 2).value = "Totaal Rijk", target_total
    sheet.cell(i, 3).value, sheet.cell(i, 4).value = total, total / target_total
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sectoren_csv(year: int) -> bytes:
    """The yearly report of the public sectors for ``year``: the 2023 targets (they add up to
    25,000), each realisation up 8% of its target a year; Rijk as its Q4 monitor, rounded."""
    steps = year - LAST_SAMPLE.year
    rows = list(csv.reader(io.StringIO(SECTOREN_CSV.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for sector, _, target, realisation, note in rows[1:]:
        if sector == "Rijk":
            value = round(rijk_figures(Quarter(year, 4))[1])
        else:
            value = int(realisation) + round(int(target) * 0.08 * steps)
        writer.writerow([sector, year, target, value, note])
    return out.getvalue().encode("utf-8")


def forward_files() -> dict[str, bytes]:
    """Every forward delivery: path inside a landing folder -> bytes."""
    files: dict[str, bytes] = {}
    for quarter in FORWARD_QUARTERS:
        files[f"uwv/Dashboard_Banenafspraak_export_{quarter.year}-Q{quarter.q}.xlsx"] = uwv_xlsx(quarter)
        files[f"uwv/UWV_Trendrapportage_Banenafspraak_{quarter.year}K{quarter.q}.csv"] = uwv_csv(quarter)
        files[f"rijk/Monitor_Banenafspraak_Rijk_{quarter.year}_Q{quarter.q}.xlsx"] = rijk_xlsx(quarter)
    for year in FORWARD_YEARS:
        files[f"sectoren/Voortgangsrapportage_publieke_sectoren_{year}.csv"] = sectoren_csv(year)
    return files


def forward_landing(folder: Path) -> Path:
    """A landing folder with the samples and every forward delivery."""
    shutil.copytree(SAMPLES, folder)
    for name, data in forward_files().items():
        (folder / name).write_bytes(data)
    return folder


if __name__ == "__main__":  # python -m tests.forward DIR: a landing folder to try by hand
    import sys

    print(forward_landing(Path(sys.argv[1])))
