"""The report speaks as of the day it is read (issue 40): read on 7 December 2026, the samples' report
names the 2024 jaarmeting (published in words on 3 July 2025) as the latest, says the 2025 one is not
yet published, gives no chance from a band that failed or was never tested at that horizon, and
marks every figure of question 3's answer with its status."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
import shutil
import subprocess

import duckdb
import pytest
from bs4 import BeautifulSoup

from banen_pipeline.report import Language, build_report

READ_ON = dt.date(2026, 12, 7)
NL, EN = Language("nl"), Language("en")
FIGURE = re.compile(r"[+−]?\d{1,3}(?:[.,]\d{3})+|[+−]\d+")
"""A count as the report writes it (11.634, +773, −1.838): not a year, a quarter or a horizon."""
CHANCE = re.compile(r"kleiner dan 1%|groter dan 99%|ongeveer \d+%|below 1%|above 99%|about \d+%")


@pytest.fixture(scope="module")
def pages(sample_run, tmp_path_factory) -> dict[str, BeautifulSoup]:
    """The samples' report in Dutch and English, as read on 7 December 2026."""
    out = tmp_path_factory.mktemp("as-of")
    found = {}
    with duckdb.connect(str(sample_run[0].warehouse), read_only=True) as con:
        for lang in (NL, EN):
            index = build_report(con, out / lang.code, sample_run[0].warehouse, lang, READ_ON)
            found[lang.code] = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    return found


def _text(element) -> str:
    """An element's text as read: its parts joined as they stand, white space folded."""
    return " ".join(element.get_text().split())


def test_the_latest_jaarmeting_named_is_the_latest_published_on_the_day_of_reading(pages):
    page = pages["nl"]
    assert "7 december 2026" in _text(page.find("h1"))
    assert "Laatste gepubliceerde jaarmeting: 2024" in _text(page.select_one(".sub"))
    box = _text(page.select_one("#stand"))
    assert "De laatste gepubliceerde jaarmeting is die over 2024 (3 juli 2025)" in box
    assert "bijna 90.000 extra banen" in box  # what it says, in the publisher's words
    assert "De laatste jaarmeting in cijfers is die over 2023" in box
    assert "De jaarmeting over 2025 is op 7 december 2026 nog niet gepubliceerd" in box
    # the year whose target is the law's final one is named (2024: no printed target)
    assert "Geen taakstelling gepubliceerd voor 2024" in box


def test_no_chance_from_a_band_that_failed_or_was_never_tested(pages, sample_db):
    page = pages["nl"]
    answer = page.select_one("section#vraag3 .antwoord")
    text = _text(answer)
    headline = {r["data-segment"]: r for r in page.select("table#tabel-kerncijfers tbody tr")}
    assert not CHANCE.search(text) and not CHANCE.search(_text(headline["vooruitzicht"]))
    # government's 80% band held 0% of the time 8 quarters ahead, and 12 quarters were never tested
    tested = dict(
        sample_db.execute(
            "select horizon, dekking_80 from marts.projectie_kalibratie where gepubliceerd and segment = 'overheid'"
        ).fetchall()
    )
    assert tested[8] == 0.0 and 12 not in tested
    assert "8 kwartalen vooruit lag de uitkomst maar in 0% van 3 toetsen" in text
    assert "12 kwartalen vooruit zijn de banden nooit getoetst" in text
    # instead plain numbers: the best yearly gain so far (2016-2017: 6.471 - 3.597) and where it leads
    assert "+2.874, 2016–2017" in text and "ongeveer 20.250" in text
    assert "De jaarmeting over 2025 is nog niet gepubliceerd; de gegevens lopen tot 4e kwartaal 2023" in text
    # and the total of 125.000 beside the last split, now that the amended law applies
    assert "Daarnaast het totaal, want onder de vernieuwde wet telt het doel van 125.000 banen samen" in text


def test_every_figure_in_question_3s_answer_carries_its_status(pages):
    for page in pages.values():
        answer = copy.copy(page.select_one("section#vraag3 .antwoord"))  # the pages are shared: not changed
        marked = answer.select("span.cijfer[data-herkomst]")
        assert {s["data-herkomst"] for s in marked} <= {"gepubliceerd", "afgeleid", "nowcast", "projectie"}
        assert {s["data-herkomst"] for s in marked} >= {"gepubliceerd", "projectie"}
        for span in marked:
            span.decompose()
        assert not FIGURE.findall(_text(answer)), _text(answer)


def test_the_track_record_counts_only_calibrated_bands_and_says_why(pages):
    text = _text(pages["nl"].select_one("section#vraag3"))
    rows = pages["nl"].select("table#tabel-uitkomst tbody tr[data-segment=overheid]")
    own = [r for r in rows if "eigen band" in r.get_text()]
    counted = [r for r in rows if r not in own]
    inside = sum(r["data-binnen_80"] == "True" for r in counted)
    assert own and counted
    assert (
        f"Van de {len(counted)} jaren van de overheid met een gekalibreerde band lag de uitkomst {inside} keer"
        in text
    )
    assert "Een jaar met ‘eigen band’ had nog te weinig eerdere fouten" in text


def test_the_law_is_quoted_from_its_source_in_the_readers_language(pages):
    nl = _text(pages["nl"].select_one("section#vraag2"))
    assert "schreef op 18 november 2025 (Kamerstuk 34 352 nr. 348): “In de vernieuwde Wet banenafspraak" in nl
    assert "36 449" not in nl and ": BZK:" not in nl and "::" not in nl
    assert "De vernieuwde Wet banenafspraak geldt sinds 1 januari 2026" in nl
    assert "blijvend 125.000 banen" in nl
    en = _text(pages["en"].select_one("section#vraag2"))
    assert "The minister of BZK wrote on 18 November 2025 (Kamerstuk 34 352 nr. 348): “In the renewed" in en
    assert "onderscheid" not in en and "has applied since 1 January 2026" in en


@pytest.mark.slow
def test_a_report_as_of_an_earlier_day_is_built_from_what_was_published_by_then(sample_run):
    """The samples' warehouse holds BZK's figures of 18 November 2025: `banen report --per 2024-12-31`
    builds a warehouse from what was published by then and writes its report to report/2024-12-31/,
    leaving today's report alone."""
    from typer.testing import CliRunner

    from banen_pipeline.cli import app

    settings = sample_run[0]
    index = settings.report / "index.html"
    before = index.stat().st_mtime_ns
    env = {"BANEN_WAREHOUSE": str(settings.warehouse), "BANEN_LANDING": str(settings.landing),
           "BANEN_REFERENCE": str(settings.reference), "BANEN_TAAL": None, "BANEN_EXPORTS": None}  # fmt: skip
    done = CliRunner().invoke(app, ["report", "--per", "2024-12-31"], env=env)
    assert done.exit_code == 0, done.output
    assert "building a warehouse from what was published by 2024-12-31" in " ".join(done.output.split())
    assert index.stat().st_mtime_ns == before
    page = BeautifulSoup(
        (settings.report / "2024-12-31" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = _text(page)
    assert "stand van zaken op 31 december 2024" in text
    assert "De laatste gepubliceerde jaarmeting is die over 2023 (gepubliceerd 16 juli 2024)" in text
    # BZK's letter of 18 November 2025 (the Rijk's 85%, the police's 68%) was not yet published
    assert "Kamerstuk 34 352 nr. 348" not in text and "85%" not in _text(page.select_one("section#vraag1"))
    assert "2024" not in {
        r["data-kwartaal"][:4] for r in page.select("table#tabel-rijk_gepubliceerd tbody tr")
    }


def test_question_1_leads_with_the_published_facts_and_says_the_split_is_synthetic(pages):
    """Defect 3: the answer rested on the synthetic split alone."""
    answer = pages["nl"].select_one("section#vraag1 .antwoord")
    text = _text(answer)
    quote = answer.select_one("span.uitspraak[data-herkomst=gepubliceerd]")
    assert text.startswith(
        "Het laatst gepubliceerde over de sectoren gaat over 2024 (Kamerstuk 34 352 nr. 348"
    )
    assert "steeg van 80% naar 85%, de politie ging van 54% naar 68%" in _text(quote)
    assert "de gemeenten haalden hun doelstelling ruimschoots" in _text(quote)
    assert (
        "die in de voorbeelddata synthetisch is (geen gepubliceerd cijfer), halen 0 van de 13 sectoren"
        in text
    )
    assert text.index("Het laatst gepubliceerde") < text.index("synthetisch")
    english = _text(pages["en"].select_one("section#vraag1 .antwoord"))
    assert "The latest published on the sectors is about 2024" in english
    assert "which is synthetic in the sample data (no published figure), 0 of the 13 sectors meet" in english


def test_a_sector_row_shows_one_consistent_set_of_figures(pages):
    """Defect 4: Politie 2023 showed the printed 54% beside our 604 of 1.690 and its shortfall 1.086."""
    row = next(
        r for r in pages["nl"].select("table#tabel-sectoren tbody tr") if r["data-sector"] == "Politie"
    )
    target, realised, percent, shortfall, change, ours = [_text(td) for td in row.select("td")[1:7]]
    assert (target, realised, percent, shortfall, change) == ("–", "–", "54%", "–", "–")
    assert ours.startswith("604 van 1.690 (35,7%), tekort 1.086, +81 t.o.v. 2022")


def test_filled_in_quarters_are_not_told_as_uwvs_figures(pages):
    """Defect 5: the 2022 fall was explained with quarterly figures the samples fill in."""
    text = _text(pages["nl"].select_one("section#vraag2"))
    assert (
        "In 2022 daalde het aantal extra banen bij de overheid in de jaarmeting van 11.842 naar 10.004"
        in text
    )
    assert "in de voorbeelddata zijn die cijfers ingevuld" in text
    for filled in ("7.906", "9.427", "6.100", "2.200"):
        assert filled not in text
    # and the ratio's quarterly estimate says what "below the baseline" means (defect 7)
    assert "Tot 2017 lag het reguliere werk bij de overheid (zonder inleen) in de kwartaalcijfers onder de " \
        "nulmeting" in text  # fmt: skip


def test_a_printed_figure_that_differs_says_why(pages):
    """Defect 6: Rijk 2017 '+492: synthetische verdeling' (the 492 are the ZBOs); MBO 2017 'wijkt af'
    without a reason."""
    rijk = {
        r["data-kwartaal"] + r["data-maat"]: _text(r)
        for r in pages["nl"].select("table#tabel-rijk_gepubliceerd tbody tr")
    }
    assert (
        "+492: de gepubliceerde taakstelling is zonder de 492 banen voor ZBO's" in rijk["2017Q4taakstelling"]
    )
    printed = {
        (r["data-periode"], r["data-maat"]): _text(r)
        for r in pages["nl"].select("table#tabel-gepubliceerd tbody tr")
    }
    assert (
        "wijkt af: synthetische verdeling in de voorbeelddata"
        in printed[("2017Q4", "MBO.taakstelling_banen")]
    )
    assert (
        "wijkt af: de gepubliceerde taakstelling is zonder de 492 banen"
        in printed[("2017Q4", "Rijk.taakstelling_banen")]
    )
    english = {
        (r["data-periode"], r["data-maat"]): _text(r)
        for r in pages["en"].select("table#tabel-gepubliceerd tbody tr")
    }
    assert (
        "the printed target excludes the 492 banen for ZBOs" in english[("2017Q4", "Rijk.taakstelling_banen")]
    )


def test_every_number_in_the_three_answers_carries_its_status(pages):
    """The verdict sentences of questions 1-3, answer and verdict, in both languages: no number
    outside a marked figure or a published statement, save years, dates, quarters and Kamerstukken."""
    not_figures = re.compile(
        r"\b(19|20)\d\d\b|Kamerstuk [\d ]+nr\. \d+|\d{1,2} (januari|november|january|November)|\d+e kwartaal"
        r"|Q\d|vraag \d|question \d|\d+%[- ](band|interval)"
    )
    for page in pages.values():
        for shown in page.select("section[id^=vraag] .antwoord, section[id^=vraag] .oordeel"):
            sentence = copy.copy(shown)  # the pages are shared: not changed
            marked = sentence.select("[data-herkomst]")
            assert marked, _text(sentence)
            for figure in marked:
                figure.replace_with(" # ")
            assert not re.findall(r"\d", not_figures.sub("", _text(sentence))), _text(sentence)


@pytest.mark.slow
@pytest.mark.skipif(
    not any(map(shutil.which, ("chromium", "chromium-browser"))), reason="no Chromium to print"
)
def test_the_pdf_has_page_numbers_keeps_answers_whole_and_long_tables_in_an_appendix(pages, tmp_path):
    """Defect 8: an answer box split mid-sentence, no page numbers, the reconciliation table over 7
    portrait pages."""
    from banen_pipeline.report.pdf import print_pdf

    page = pages["nl"]
    assert page.select_one("section#bijlage table#tabel-gepubliceerd") is not None
    assert page.select_one("section#gepubliceerd table") is None
    assert "staat in de bijlage" in _text(page.select_one("section#gepubliceerd"))
    html = tmp_path / "index.html"
    html.write_text(str(page), encoding="utf-8")
    pdf = print_pdf(html, tmp_path / "rapport.pdf")
    pages_text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                check=True).stdout.split("\f")[:-1]  # fmt: skip
    total = len(pages_text)
    for number, text in enumerate(pages_text, start=1):
        assert re.search(rf"\b{number} / {total}\s*$", text.rstrip()), f"page {number} has no number"
    # each question's answer box on one page: its first and last words on the same page
    for section in ("vraag1", "vraag2", "vraag3"):
        words = _text(page.select_one(f"section#{section} .antwoord")).split()
        first, last = " ".join(words[:4]), " ".join(words[-3:])
        flat = [" ".join(t.split()) for t in pages_text]
        assert any(first in t and last in t for t in flat), section
    # the appendix is landscape, from its first page to the last; the pages before it portrait
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", str(total), str(pdf)], capture_output=True, text=True,
                           check=True).stdout  # fmt: skip
    wide = [float(w) > float(h) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)]
    start = max(i for i, t in enumerate(pages_text) if "Bijlage: lange tabellen" in t)  # not the contents
    assert wide == [False] * start + [True] * (total - start)


@pytest.mark.parametrize(
    ("day", "revision"),
    [(dt.date(2020, 12, 31), False), (dt.date(2021, 1, 12), True)],
    ids=["before the revision", "on its day"],
)
def test_an_earlier_day_takes_the_deliveries_and_facts_published_by_then(
    sample_run, sample_db, tmp_path, day, revision
):
    """What `banen report --per` builds from: UWV's revision of 2020Q2 (published 12 January 2021) only
    from its day on, no delivery or reference row dated later, the payroll extract's quarters up to UWV's."""
    from banen_pipeline.as_of import published_by

    built = published_by(sample_run[0], sample_db, day, tmp_path)
    files = {p.name for p in built.landing.rglob("*") if p.is_file()}
    assert "UWV_Trendrapportage_Banenafspraak_2020K2.csv" in files
    assert ("UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv" in files) == revision
    # UWV's 2020Q3 figures appeared on 13 January 2021, the Rijk monitor of 2020Q4 on its Stand date
    assert "UWV_Trendrapportage_Banenafspraak_2020K3.csv" not in files
    assert (
        "Monitor_Banenafspraak_Rijk_2020_Q4.xlsx" in files
        and "Monitor_Banenafspraak_Rijk_2021_Q1.xlsx" not in files
    )
    # the 2019 sector report on 30 November 2020, the 2020 one a year later
    assert "Voortgangsrapportage_publieke_sectoren_2019.csv" in files
    assert "Voortgangsrapportage_publieke_sectoren_2020.csv" not in files
    extract = sorted(p.name for p in (built.landing / "microdata").iterdir())
    assert extract[0] == "kwartaal=2012Q4" and extract[-1] == "kwartaal=2020Q2"
    with open(built.reference / "published_jaarmeting.csv", newline="") as f:
        assert max(int(r["jaar"]) for r in csv.DictReader(f)) == 2019  # published 1 July 2020, by rule
    with open(built.reference / "publicaties.csv", newline="") as f:
        assert max(r["datum"] for r in csv.DictReader(f)) <= day.isoformat()
    with open(built.reference / "published_quarterly.csv", newline="") as f:
        assert max((int(r["jaar"]), int(r["kwartaal"])) for r in csv.DictReader(f)) <= (2020, 2)
