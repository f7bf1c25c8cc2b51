"""The report speaks as of the day it is read (issue 40): read on 7 December 2026, the samples' report
names the 2024 jaarmeting (published in words on 3 July 2025) as the latest, says the 2025 one is not
yet published, gives no chance from a band that failed or was never tested at that horizon, and
marks every figure of question 3's answer with its status."""

from __future__ import annotations

import datetime as dt
import re

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
        answer = page.select_one("section#vraag3 .antwoord")
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


def test_a_report_as_of_an_earlier_day_never_shows_what_was_published_later(sample_run):
    """The samples' warehouse holds BZK's figures of 18 November 2025: as of the end of 2024 it refuses,
    naming the newest publication, and writes nothing."""
    from typer.testing import CliRunner

    from banen_pipeline.cli import app

    index = sample_run[0].report / "index.html"
    before = index.stat().st_mtime_ns
    env = {"BANEN_WAREHOUSE": str(sample_run[0].warehouse), "BANEN_TAAL": None, "BANEN_EXPORTS": None}
    done = CliRunner().invoke(app, ["report", "--per", "2024-12-31"], env=env)
    assert done.exit_code == 1
    assert "published after that day (referentie.gepubliceerd_sectoren 2023Q4, 2025-11-18)" in " ".join(
        done.output.split()
    )
    assert index.stat().st_mtime_ns == before
