"""The report as its readers get it: a section per question opening with its answer, every printed
figure beside ours with each difference marked, charts that say what they show and label synthetic
splits inside the image, Dutch by default and English on request, and an A4 PDF."""

import csv
import re
import shutil

import duckdb
import pytest
from bs4 import BeautifulSoup

from banen_pipeline.deliveries.sectoren_csv import SECTORS
from banen_pipeline.report import Language, build_report
from banen_pipeline.report.pdf import print_pdf

from .conftest import REFERENCE, report_cells, report_rows

NL = Language("nl")


def test_a_section_per_question_each_opening_with_a_one_sentence_answer(page):
    sections = [s["id"] for s in page.find_all("section")]
    assert sections == [
        "kerncijfers",
        "vraag1",
        "vraag2",
        "vraag3",
        "vertrouwen",
        "duurzaamheid",
        "revisies",
        "regios",
        "gepubliceerd",
        "bijlage",  # the long tables (the printed figures beside ours)
    ]
    assert page.find("html")["lang"] == "nl"
    for key in ("vraag1", "vraag2", "vraag3", "vertrouwen", "duurzaamheid", "revisies"):
        answer = page.select_one(f"section#{key} p.antwoord").get_text()
        assert re.search(r"\d", answer), key  # it answers with a figure


def test_question_1_has_every_sector_government_and_the_market_with_target_and_shortfall(page):
    rows = report_rows(page, "sectoren")
    names = [report_cells(r)[0].rstrip(" *") for r in rows]
    assert sorted(names[:-2]) == sorted(SECTORS) and names[-2:] == ["overheid", "markt"]
    overheid = report_cells(rows[-2])
    assert overheid[1:6] == ["25.000", "11.634", "46,5%", "13.366", "+1.630"]  # change against 2022: 10.004
    assert all(len(report_cells(r)) == 8 for r in rows)


def test_every_printed_figure_stands_beside_ours_and_every_difference_is_marked(page):
    """Read the reference files afresh: each printed figure has its row in the table of printed
    figures, with the warehouse's value beside it, and a difference beyond rounding is marked."""
    printed = []
    with open(REFERENCE / "published_quarterly.csv", newline="") as f:
        printed += [
            ("published_quarterly", f"{r['jaar']}Q{r['kwartaal']}", r["maat"], r["waarde"])
            for r in csv.DictReader(f)
        ]
    with open(REFERENCE / "published_jaarmeting.csv", newline="") as f:
        printed += [
            ("published_jaarmeting", r["jaar"], f"extra_banen_{s}", r[f"extra_banen_{s}"])
            for r in csv.DictReader(f)
            for s in ("overheid", "markt", "totaal")
            if r[f"extra_banen_{s}"]
        ]
    with open(REFERENCE / "published_sectors.csv", newline="") as f:
        printed += [
            ("published_sectors", f"{r['jaar']}Q{r['kwartaal']}", f"{r['sector']}.{r['maat']}", r["waarde"])
            for r in csv.DictReader(f)
        ]
    shown = {
        (r["data-bron"], r["data-periode"], r["data-maat"]): r for r in report_rows(page, "gepubliceerd")
    }
    assert len(shown) == len(printed) == 122  # 121 and the 2017 total printed by quotumwet.nl
    differences = 0
    for bron, periode, maat, value in printed:
        row = shown[(bron, periode, maat)]
        assert float(row["data-gepubliceerd"]) == float(value)
        cells = report_cells(row)
        tolerance = 1.0 if maat.endswith("_pct") else 0.5
        if row["data-ons"] == "":
            assert row["data-status"] == "niet_beschikbaar" and cells[4] == "–"
        elif abs(float(row["data-ons"]) - float(value)) >= tolerance:
            differences += 1
            assert "verschil" in row["class"] and cells[5].startswith(NL.t("wijkt_af") + ": "), (
                bron,
                periode,
                maat,
            )
        else:
            assert "verschil" not in row.get("class", []) and cells[5] == NL.t("gelijk")
    assert differences == 4  # the targets of Rijk and MBO printed for 2017, Rijk 2023Q3, Politie 2023


def test_the_headline_the_sector_table_and_the_rijk_show_printed_figures_beside_ours(page):
    headline = {r["data-segment"]: report_cells(r) for r in report_rows(page, "kerncijfers")}
    assert headline["totaal"][1].startswith("85.665") and headline["totaal"][2] == "85.665, gelijk"
    assert headline["overheid"][1].startswith("11.634")  # printed in July 2024
    assert headline["verhouding"][2] == "afgeleid: 74.031 / 11.634"
    assert headline["kwartaal"][1:3] == ["86.264", "86.264, gelijk"]
    politie = next(r for r in report_rows(page, "sectoren") if r["data-sector"] == "Politie")
    cells = report_cells(politie)
    assert "verschil" in politie["class"] and cells[3] == "54%"  # the printed figure leads ...
    assert cells[6].startswith("604 van 1.690 (35,7%), tekort 1.086")  # ... ours beside it, whole
    rijk = {(r["data-kwartaal"], r["data-maat"]): r for r in report_rows(page, "rijk_gepubliceerd")}
    assert report_cells(rijk[("2022Q4", "realisatie")])[2:] == ["3.749", "3.749, gelijk"]
    assert report_cells(rijk[("2023Q1", "pct")])[2:] == ["73%", "73,0%, gelijk"]
    assert "verschil" in rijk[("2023Q3", "pct")]["class"]
    assert "5.696" in report_cells(rijk[("2023Q3", "pct")])[3]  # the denominator the printed 77% implies
    # the Rijk's 2017 target is the same figure here as in the table of every printed figure
    assert report_cells(rijk[("2017Q4", "taakstelling")])[2:4][1].startswith("1.828")
    # and the chart marks the printed points and labels them
    chart = page.select_one("figure#figuur-rijk svg").get_text(" ")
    for figure in ("3.531", "2.068", "5.144", "3.749", "3.995 / 73%"):
        assert f"gepubliceerd {figure}" in chart


def test_the_official_ratio_is_the_headline_and_the_chart(page):
    headline = {r["data-segment"]: report_cells(r) for r in report_rows(page, "kerncijfers")}
    assert headline["verhouding"][1] == "1 : 6,36"
    ratios = {
        r["data-periode"]: (r["data-verhouding"], r["data-herkomst"]) for r in report_rows(page, "verhouding")
    }
    assert ratios["2023"] == ("6.36", "gepubliceerd") and ratios["2015"] == ("2.86", "gepubliceerd")
    chart = page.select_one("figure#figuur-verhouding svg").get_text(" ")
    assert "6,36" in chart and "2,86" in chart and NL.t("kwartaalschatting_lijn") in chart
    assert "6,36" in page.select_one("section#vraag2 p.antwoord").get_text()


def test_the_trust_section_gives_the_nowcast_error_coverage_with_its_uncertainty_and_bias(page, sample_db):
    mae = dict(
        sample_db.execute(
            "select segment, any_value(gemiddelde_absolute_fout) from marts.nowcast_backtest "
            "where methode = 'volgens_regel' group by segment"
        ).fetchall()
    )
    answer = page.select_one("section#vertrouwen p.antwoord").get_text()
    for segment in ("overheid", "markt", "totaal"):
        assert NL.n(mae[segment]) in answer
    coverage = [report_cells(r) for r in report_rows(page, "kalibratie")]
    assert len(coverage) == 24 and all("±" in c[3] or c[3] == NL.t("te_weinig") for c in coverage)
    methods = [report_cells(r) for r in report_rows(page, "methoden")]
    assert len(methods) == 9 and sum(c[5] == "✔" for c in methods) == 3
    assert any("scheefheid" in p.get_text() for p in page.select("section#vertrouwen p"))


def test_durability_has_numbers_and_says_it_is_synthetic_in_text_and_image(page):
    answer = page.select_one("section#duurzaamheid p.antwoord").get_text()
    assert re.search(r"\d+,\d%", answer) and "synthetisch" in answer.lower()
    image = page.select_one("figure#figuur-duurzaamheid svg").get_text(" ")
    assert (
        NL.t("synthetisch") in image
        and "10" in page.select_one("figure#figuur-duurzaamheid figcaption").get_text()
    )


def test_revisions_name_the_figures_a_redelivery_changed(page):
    rows = {(r["data-kwartaal"], r["data-maat"]): r["data-verschil"] for r in report_rows(page, "revisies")}
    assert rows[("2020Q2", "extra_banen_totaal")] == "34"
    assert "+34" in page.select_one("section#revisies p.antwoord").get_text()


def test_every_chart_says_what_it_shows_labels_its_axes_and_marks_synthetic_splits(page):
    figures = page.select("figure")
    assert [f["id"] for f in figures] == [
        "figuur-sectoren",
        "figuur-rijk",
        "figuur-verhouding",
        "figuur-projectie",
        "figuur-duurzaamheid",
        "figuur-regios",
    ]
    for figure in figures:
        svg = figure.find("svg")
        assert (
            svg["role"] == "img"
            and len(svg["aria-label"]) > 40
            and svg.find("title").get_text() == svg["aria-label"]
        )
        text = svg.get_text(" ")
        assert NL.t("as_kwartaal") in text or NL.t("as_jaar") in text  # a labelled time axis
        synthetic = figure["id"] in ("figuur-sectoren", "figuur-rijk", "figuur-duurzaamheid", "figuur-regios")
        assert (NL.t("synthetisch") in text) == synthetic, figure["id"]
        assert (
            not re.search(r">\s*20\d\d\s*<", str(svg)) or figure["id"] == "figuur-sectoren"
        )  # no bare year ticks
    # thousands separators on the axes: 25.000, never 25000
    assert "25.000" in page.select_one("figure#figuur-projectie svg").get_text(" ")


def test_the_report_is_one_file_with_no_external_address(sample_run):
    html = (sample_run[0].report / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert NL.t("synthetisch") in html


def test_english_on_request(sample_run, tmp_path):
    settings = sample_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        index = build_report(con, tmp_path, settings.warehouse, Language("en"))
    page = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    assert page.find("html")["lang"] == "en"
    assert (
        page.select_one("section#vraag1 h2").get_text() == "1. How does each sector stand against its target?"
    )
    headline = {r["data-segment"]: report_cells(r) for r in report_rows(page, "kerncijfers")}
    assert headline["totaal"][2] == "85,665, equal" and headline["verhouding"][1] == "1 : 6.36"
    assert Language("en").t("synthetisch") in page.select_one("figure#figuur-regios svg").get_text(" ")


@pytest.mark.skipif(
    not any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), reason="no Chromium"
)
def test_the_report_prints_to_a4(sample_run, tmp_path):
    pdf = print_pdf(sample_run[0].report / "index.html", tmp_path / "rapport.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    # A4 upright, and across for the appendix of long tables
    assert len(boxes) >= 10 and {(round(float(w)), round(float(h))) for w, h in boxes} == {
        (595, 842),
        (842, 595),
    }
