"""Every page escapes what it is given, checked fast (no run of its own): the report rendered from the
samples' content with hostile strings put into an answer, a sentence of the opening box and a table
cell, and the data docs rendered from a validation whose every text is hostile. `tests/test_hostile.py`
does the same end to end (deliveries carrying the strings, Chromium's policy), in the slow tests."""

from __future__ import annotations

import datetime as dt

import duckdb

from banen_pipeline.report import Drawn, write_report
from banen_pipeline.report.content import gather
from banen_pipeline.report.content.blocks import Row, Table
from banen_pipeline.texts import Language
from banen_pipeline.validation.gx_engine import docs_pages

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '" onmouseover="alert(5)" x="']


def _raw(html: str) -> list[str]:
    """The hostile strings that reached the page as markup."""
    return [h for h in HOSTILE if h in html]


def test_the_report_escapes_every_value_it_is_given(sample_run, tmp_path):
    lang = Language("nl")
    with duckdb.connect(str(sample_run[0].warehouse), read_only=True) as con:
        content, _plans = gather(con, lang, dt.date(2026, 12, 7))
    first = content["secties"][0]
    first.answer = HOSTILE[0]
    first.table(
        Table("vijandig", HOSTILE[1], ["kolom"], [Row([HOSTILE[2]], "", {"x": HOSTILE[0]})], HOSTILE[0])
    )
    content["dekking"] = [*content["dekking"], HOSTILE[1]]
    html = write_report(Drawn(content, {}, lang), tmp_path, sample_run[0].warehouse).read_text(
        encoding="utf-8"
    )
    assert _raw(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    # the figures' own markup still goes through: a sentence with a status keeps its spans
    assert '<span class="cijfer" data-herkomst="' in html


def test_the_data_docs_escape_every_value_they_are_given():
    expectation = {
        "type": HOSTILE[0],
        "kwargs": HOSTILE[1],
        "severity": "critical",
        "beschrijving": HOSTILE[2],
        "success": False,
        "unexpected_count": 1,
        "observed_value": HOSTILE[0],
        "voorbeelden": HOSTILE[1],
        "rijen": [{"organisatie": HOSTILE[0], HOSTILE[1]: HOSTILE[2]}],
    }
    validation = {
        "suite": "staging_rijk_monitor",
        "asset": HOSTILE[0],
        "beschrijving": HOSTILE[1],
        "gevalideerd_op": HOSTILE[2],
        "rows": 3,
        "scope": "proef",
        "expectations": [expectation],
        "evaluated": 1,
        "failed": 1,
        "success": False,
    }
    for taal in ("nl", "en"):
        pages = docs_pages([dict(validation)], taal, HOSTILE[0])
        assert set(pages) == {"index.html", "validaties/001-staging_rijk_monitor.html"}
        for name, html in pages.items():
            assert _raw(html) == [], name
            assert "&lt;script&gt;" in html, name
