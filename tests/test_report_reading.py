"""The report as a policy adviser reads it: the published figure leads wherever there is one, ours
beside it; the columns say what their headers say; every section ends in a verdict with the numbers it
rests on; the projections say so when their bands did not hold; no code word in the Dutch text; and
a PDF without half-empty pages, with a table of contents."""

import csv
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from banen_pipeline.report.pdf import print_pdf
from banen_pipeline.texts import Language

from .conftest import REFERENCE, report_cells, report_rows

NL = Language("nl")
NUMBER = re.compile(r"−?\d[\d.]*(?:,\d+)?")


def _first_number(text: str) -> float:
    return float(NUMBER.search(text).group().replace(".", "").replace(",", ".").replace("−", "-"))


def test_the_published_figure_leads_in_every_sector_year_the_report_shows(page):
    year = int(re.search(r"\d{4}", page.select_one("table#tabel-sectoren caption").get_text()).group())
    columns = {"taakstelling_banen": 1, "realisatie_banen": 2, "realisatie_pct": 3}
    with open(REFERENCE / "published_sectors.csv", newline="") as f:
        printed = [r for r in csv.DictReader(f) if int(r["jaar"]) == year and r["kwartaal"] == "4"]
    rows = {r["data-sector"]: report_cells(r) for r in report_rows(page, "sectoren")}
    assert printed  # Politie and the Rijk in 2023
    for figure in printed:
        cells = rows[figure["sector"]]
        assert _first_number(cells[columns[figure["maat"]]]) == float(figure["waarde"]), figure
        assert cells[6] != "–"  # ours stands beside it
    # the Rijk's table: the published figure first, ours after it
    for row in report_rows(page, "rijk_gepubliceerd"):
        assert _first_number(report_cells(row)[2]) == pytest.approx(float(row["data-gepubliceerd"]), abs=0.05)
    # the table of every published figure: published before ours
    header = [th.get_text() for th in page.select("table#tabel-gepubliceerd thead th")]
    assert header.index(NL.t("kol_gepubliceerd")) < header.index(NL.t("kol_ons"))
    # the headline figures lead with the jaarmeting as published
    with open(REFERENCE / "published_jaarmeting.csv", newline="") as f:
        last = list(csv.DictReader(f))[-1]
    headline = {r["data-segment"]: report_cells(r) for r in report_rows(page, "kerncijfers")}
    for segment in ("totaal", "overheid", "markt"):
        assert _first_number(headline[segment][1]) == float(last[f"extra_banen_{segment}"])


def test_the_quarterly_estimate_column_is_the_quarterly_estimate(page, sample_db):
    estimates = {
        (str(jaar), f"extra_banen_{segment}"): value
        for jaar, overheid, markt in sample_db.execute(
            "select jaar, schatting_overheid, schatting_markt from marts.jaarmeting_vergelijking"
        ).fetchall()
        for segment, value in (("overheid", overheid), ("markt", markt))
    }
    shown = 0
    for row in report_rows(page, "gepubliceerd"):
        key = (row["data-periode"], row["data-maat"])
        if row["data-bron"] == "published_jaarmeting" and key in estimates:
            assert report_cells(row)[6] == NL.n(estimates[key]), key
            shown += 1
    assert shown == 18  # overheid and markt, 2015-2023
    overheid_2015 = next(
        r
        for r in report_rows(page, "gepubliceerd")
        if (r["data-periode"], r["data-maat"]) == ("2015", "extra_banen_overheid")
    )
    assert report_cells(overheid_2015)[6] == "1.043" and report_cells(overheid_2015)[3] == "5.453"


def test_every_chart_with_a_synthetic_point_carries_the_badge(page, sample_db):
    synthetic_rijk = sample_db.execute(
        "select count(*) from marts.realisatie_rijk where is_totaal and herkomst = 'synthetisch'"
    ).fetchone()[0]
    assert synthetic_rijk == 16
    badge = f"{NL.t('synthetisch_beeld')}: {NL.t('synthetisch')}"
    for figure in ("sectoren", "rijk", "duurzaamheid", "regios"):
        assert badge in page.select_one(f"figure#figuur-{figure} svg").get_text(" "), figure


def _verdict(page, section: str) -> str:
    verdict = page.select(f"section#{section} > *")[-1]
    assert "oordeel" in verdict.get("class", []), section  # the section ends in it
    return verdict.get_text(" ", strip=True)


def test_each_question_ends_in_a_verdict_with_the_numbers_it_rests_on(page, sample_db):
    official = dict(
        sample_db.execute(
            "select segment, waarde from marts.officiele_meting where kwartaal is null and jaar = 2023"
        ).fetchall()
    )
    one = _verdict(page, "vraag1")
    for figure in (
        "46,5%",
        NL.n(official["overheid"]),
        "25.000",
        "13.366",
        NL.n(official["markt"]),
        "80.000",
    ):
        assert figure in one
    assert "geen van beide haalde zijn taakstelling" in one
    two = _verdict(page, "vraag2")
    assert "blijft achter, ook bij haar aandeel in de werkgelegenheid" in two
    for figure in ("6,36", "1 : 6", "1 : 4", "1 : 2,00", "1 : 2,86"):
        assert figure in two
    first = sample_db.execute(
        "select jaar, waarde from marts.officiele_meting where segment = 'overheid' and kwartaal is null "
        "order by jaar limit 1"
    ).fetchone()
    pace = (official["overheid"] - first[1]) / (2023 - first[0])
    three = _verdict(page, "vraag3")
    assert "13.366" in three and NL.n(pace) in three and str(first[0]) in three
    # and the 2022 fall is told with the figures behind it
    text = page.select_one("section#vraag2").get_text(" ")
    assert "11.842" in text and "10.004" in text and "inleen" in text


def test_bands_that_did_not_hold_out_of_time_say_so_in_words(page, sample_db):
    """Per segment: if the published method's 80% coverage at any horizon 1-4 is more than two
    standard errors below 0.80, question 3 says so with the coverage and the bias; if not, it does
    not. A chance stands in the projection table only where the band was tested at that horizon
    (quarters from the last data quarter to the target quarter) and held there."""
    section = page.select_one("section#vraag3")
    paragraphs = [p.get_text(" ", strip=True) for p in section.find_all("p")]
    last = sample_db.execute("select max(kwartaal) from marts.landelijk_kwartaal").fetchone()[0]
    chances = {
        (report_cells(r)[0], report_cells(r)[1]): report_cells(r)[6] for r in report_rows(page, "projectie")
    }
    held = {
        (segment, horizon): ok
        for segment, horizon, ok in sample_db.execute(
            "select segment, horizon, dekking_80 + 2 * dekking_80_se >= 0.80 from marts.projectie_kalibratie "
            "where gepubliceerd and n > 0"
        ).fetchall()
    }
    goals = sample_db.execute("select segment, kwartaal from marts.projectie_doel").fetchall()
    for segment, quarter in goals:
        horizon = (int(quarter[:4]) - int(last[:4])) * 4 + int(quarter[-1]) - int(last[-1])
        cell = chances[(NL.t(segment), NL.quarter(quarter))]
        if held.get((segment, horizon)):
            assert cell.startswith(("kleiner dan", "groter dan", "ongeveer")), (segment, quarter, cell)
        else:
            assert cell == NL.t("geen_kans_kort"), (segment, quarter, cell)
    for segment in ("overheid", "markt"):
        coverage = sample_db.execute(
            "select horizon, dekking_80, dekking_80_se, n, bias from marts.projectie_kalibratie "
            "where gepubliceerd and segment = ? and horizon between 1 and 4 order by horizon",
            [segment],
        ).fetchall()
        low = any(c + 2 * se < 0.80 for _h, c, se, _n, _b in coverage)
        told = [p for p in paragraphs if p.startswith("Let op:") and f"voor de {segment}" in p]
        if low:
            shares = [NL.share(c) for _h, c, _se, _n, _b in coverage]
            bias = sum(n * b for _h, _c, _se, n, b in coverage) / sum(n for *_x, n, _b in coverage)
            assert told and min(shares, key=lambda s: int(s[:-1])) in told[0] and NL.n(abs(bias)) in told[0]
        else:
            assert not told, segment
    assert (
        sample_db.execute(  # on the samples the government bands fell short (29% one quarter ahead)
            "select dekking_80 from marts.projectie_kalibratie where gepubliceerd and segment = 'overheid' and horizon = 1"
        ).fetchone()[0]
        < 0.5
    )
    headline = {r["data-segment"]: report_cells(r) for r in report_rows(page, "kerncijfers")}
    assert "%" not in headline["vooruitzicht"][1]  # no chance for government: its bands failed


IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
TABLE = re.compile(r"\b(?:marts|staging|referentie|raw|meta)\.\w+")


def test_no_code_word_in_the_dutch_text_outside_a_source_note(page):
    copy = BeautifulSoup(str(page), "html.parser")
    for element in copy.select(".source, style"):
        element.decompose()
    text = copy.get_text(" ")
    assert not IDENTIFIER.findall(text) and not TABLE.findall(text)
    for stilted in (
        "gedrukt",
        "op de officiële maat",
        "door de tijd",
        "verdelen inleen niet",
        "uit banen.duckdb",
    ):
        assert stilted not in text.lower(), stilted
    # the sources are still named, in their notes
    assert "marts.realisatie_sector" in page.get_text(" ")
    # the table of contents numbers each question once
    assert [a.get_text() for a in page.select("nav a")][1].startswith("1. Hoe")
    assert page.select_one("nav ol")  # a list whose own numbering the page turns off
    assert "list-style: none" in page.find("style").get_text()


@pytest.mark.skipif(
    not shutil.which("pdftoppm")
    or not any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))),
    reason="needs Chromium and pdftoppm",
)
def test_the_pdf_has_a_table_of_contents_and_no_half_empty_page(sample_run, tmp_path):
    import subprocess

    import numpy as np
    from PIL import Image
    from pypdf import PdfReader

    pdf = print_pdf(sample_run[0].report / "index.html", tmp_path / "rapport.pdf")
    reader = PdfReader(pdf)

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else (item.title,)

    assert any(t.startswith("3. Is 25.000") for t in titles(reader.outline))  # bookmarks, one per heading
    assert "1. Hoe staat elke sector" in reader.pages[0].extract_text()  # and the contents on page 1
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == len(reader.pages) >= 5
    for number, image in enumerate(pages[:-1], start=1):  # the last page ends where the report ends
        pixels = np.asarray(Image.open(image).convert("L"))
        filled = (np.where((pixels < 240).any(axis=1))[0].max() + 1) / pixels.shape[0]
        assert filled > 0.5, f"page {number} is {1 - filled:.0%} empty"
