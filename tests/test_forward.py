"""The years after the samples, through the CLI as a user runs it: the samples plus UWV quarters
2024Q1-2026Q4 in both formats, Rijk monitors through 2026 (with a renamed, a new and a vanished
organisation) and the sector reports of 2024 and 2025 (``tests/forward.py``). `banen run` exits 0 and
writes the report, the exports, the data docs and the snapshot; `banen report` writes it in English and
as PDF; the report names the years no published figure fills, words no estimate as a measurement, and
written as of five days from 2016 to 2026 knows only what was published by each (issue 40)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from banen_pipeline.as_of import published_by
from banen_pipeline.cli import app
from banen_pipeline.config import Settings
from banen_pipeline.pipeline import run_pipeline
from banen_pipeline.report import Language, build_report

from .conftest import REFERENCE
from .forward import FORWARD_QUARTERS, FORWARD_YEARS, RIJK_CHANGES, forward_landing

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("forward")]  # one worker builds the forward run once

READ_ON = (dt.date(2016, 6, 30), dt.date(2019, 12, 31), dt.date(2023, 12, 31), dt.date(2025, 9, 30),
           dt.date(2026, 12, 7))  # fmt: skip
"""The days the report is written as of, from the forward deliveries and facts published by each."""
PAST = {"had", "hadden", "haalde", "haalden", "stond", "stonden", "bereikte", "was", "waren", "daalde",
        "groeide", "steeg", "realiseerde", "realiseerden", "zat", "lag", "kwam", "werd", "werden"}  # fmt: skip
"""Dutch verbs in the past tense."""
CHANCE = re.compile(r"kleiner dan 1%|groter dan 99%|ongeveer \d+%")
NOT_FIGURES = re.compile(
    r"\b(19|20)\d\d\b|Kamerstuk [\d ]+nr\. \d+|\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)|\d+e kwartaal|vraag \d|\d+%-(band|interval)"
)
"""What a number in a sentence may be without a status: a year, a Kamerstuk, a date, a quarter, a
question, the name of a band."""

BANEN = Path(sys.executable).parent / "banen"
HAS_CHROMIUM = any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome")))


@pytest.fixture(scope="module")
def forward_run(tmp_path_factory) -> tuple[Path, str]:
    """(warehouse file, output of `banen run`) on the samples and the forward deliveries."""
    root = tmp_path_factory.mktemp("forward")
    landing = forward_landing(root / "landing")
    warehouse = root / "wh" / "banen.duckdb"
    given = {"BANEN_LANDING": str(landing), "BANEN_WAREHOUSE": str(warehouse), "COLUMNS": "200"}
    unset = ("DAGSTER_HOME", "BANEN_EXPORTS", "BANEN_TAAL", "BANEN_NOTIFY_WEBHOOK", "BANEN_NOTIFY_SMTP")
    env = {k: v for k, v in os.environ.items() if k not in unset} | given

    done = subprocess.run([str(BANEN), "run"], env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"banen run: exit {done.returncode}\n{output}"
    # `banen report` as its command runs, in this process (its worker is shared with this process's
    # other tests): the same command line and environment, without starting Python twice more
    pdf = ("--pdf",) if HAS_CHROMIUM else ()
    for args in (("report", *pdf), ("report", "--taal", "en", *pdf)):
        result = CliRunner().invoke(app, list(args), env=given | dict.fromkeys(unset), catch_exceptions=False)
        assert result.exit_code == 0, f"banen {' '.join(args)}: exit {result.exit_code}\n{result.output}"
    return warehouse, output


def _text(path: Path) -> str:
    return " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())


def test_every_forward_delivery_loads_and_every_output_is_written(forward_run):
    warehouse, output = forward_run
    work = warehouse.parent
    with duckdb.connect(str(warehouse), read_only=True) as con:
        status, fout = con.execute(
            "SELECT status, fout FROM meta.runs ORDER BY begin DESC LIMIT 1"
        ).fetchone()
        quarters = con.execute("SELECT max(kwartaal) FROM marts.landelijk_kwartaal").fetchone()[0]
        sector_years = con.execute("SELECT max(jaar) FROM staging.sector_rapportage").fetchone()[0]
        rejected = con.execute("SELECT count(*) FROM meta.leveringen WHERE status = 'afgewezen'").fetchone()[
            0
        ]
    assert (status, fout) == ("geslaagd", None), output
    assert quarters == str(FORWARD_QUARTERS[-1]) and sector_years == FORWARD_YEARS[-1]
    assert rejected == 0, output
    for written in (
        "report/index.html",
        "report/en/index.html",
        "data_docs/index.html",
        "snapshot/banen.duckdb",
    ):
        assert (work / written).is_file(), written
    manifest = json.loads((work / "exports" / "manifest.json").read_text())
    assert {"marts.projectie", "marts.officiele_meting"} <= {t["table"] for t in manifest["tables"]}
    if HAS_CHROMIUM:
        for pdf in ("report/rapport.pdf", "report/en/rapport.pdf"):
            assert (work / pdf).read_bytes().startswith(b"%PDF"), pdf


def test_the_report_opens_as_of_its_data_and_names_the_years_it_could_not_fill(forward_run):
    work = forward_run[0].parent
    dutch, english = _text(work / "report" / "index.html"), _text(work / "report" / "en" / "index.html")
    assert "De cijfers in dit warehouse lopen tot en met 31 december 2026" in dutch
    # 2024's jaarmeting is published in words (referentie.publicaties); 2025 and 2026 not at all
    assert "De laatste gepubliceerde jaarmeting is die over 2024 (3 juli 2025)" in dutch
    assert "Niet gepubliceerd in de bronnen van dit warehouse: de jaarmeting over 2025 en 2026" in dutch
    assert "Geen taakstelling gepubliceerd voor 2024" in dutch
    # a target year in the data but not published: the nowcast, with its verdict in words
    assert "De jaarmeting over 2025 is nog niet gepubliceerd. Uit de kwartaalcijfers schatten we" in dutch
    assert "geschat" in dutch and "waarschijnlijk niet gehaald" in dutch
    assert "The figures in this warehouse run up to 31 December 2026" in english
    assert "Not published in this warehouse's sources: the jaarmeting of 2025 and 2026" in english
    assert "No target published for 2024" in english


def _page(forward_run) -> BeautifulSoup:
    return BeautifulSoup(
        (forward_run[0].parent / "report" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def _section(page: BeautifulSoup, css: str) -> str:
    return " ".join(page.select_one(css).get_text().split())


def test_no_projection_is_worded_as_a_measurement(forward_run):
    """Defect 9 of issue 40: "Eind 2026 stond de overheid op 14.424 extra banen (de jaarmeting) … niet
    gehaald", a projection told as a measured jaarmeting in the past tense."""
    page = _page(forward_run)
    answer = _section(page, "section#vraag3 .antwoord")
    for year in (2025, 2026):
        assert f"De jaarmeting over {year} is nog niet gepubliceerd" in answer
    for clause in re.split(r"(?<=[.;:])\s+", answer):
        if re.search(r"\b202[56]\b", clause):  # no jaarmeting of 2025 or 2026 is published
            assert not PAST & set(re.findall(r"\w+", clause.lower())), clause
    for span in page.select("section#vraag3 .antwoord span.cijfer[data-herkomst=nowcast]"):
        assert "schatten we" in span.find_parent("p").get_text()


def test_the_last_jaarmeting_is_named_as_published(forward_run):
    """Defect 10: "Na de laatste jaarmeting (2025) schatten we …" while the latest in figures is 2023."""
    trust = _section(_page(forward_run), "section#vertrouwen")
    assert "Na de laatste jaarmeting in cijfers (over 2023) schatten we" in trust
    assert "jaarmeting (2025)" not in trust


def test_the_verdict_starts_from_the_nowcasts_and_two_figures_for_one_year_are_explained(forward_run):
    """Defect 11: the verdict reasoned from end-2023 ignoring the nowcasts; government's end-2025 was
    one figure in question 1 (sector reports) and another in question 3 (nowcast), without a word."""
    page = _page(forward_run)
    verdict = _section(page, "section#vraag3 .oordeel")
    assert "stand eind 2026: 15.600, nowcast" in verdict and "eind 2023" not in verdict
    answer = _section(page, "section#vraag3 .antwoord")
    counted = re.search(
        r"tellen voor eind 2025 samen ([\d.]+)", _section(page, "section#vraag1 .antwoord")
    ).group(1)
    assert f"De jaarrapportages van de sectoren tellen voor eind 2025 samen {counted} (vraag 1)" in answer
    assert (
        "een andere telling dan de jaarmeting" in answer and "schatten we de overheid eind 2025 op" in answer
    )


def test_delivered_quarters_are_uwvs_figures(forward_run):
    """Defect 12: herkomst 'onbekend' for every delivered quarter from 2024 on."""
    with duckdb.connect(str(forward_run[0]), read_only=True) as con:
        origins = con.execute(
            "SELECT DISTINCT herkomst_extra_banen_totaal FROM marts.landelijk_kwartaal WHERE kwartaal >= '2024Q1'"
        ).fetchall()
    assert origins == [("gepubliceerd",)]


def test_changed_rijk_organisations_are_named(forward_run):
    """Defect 13: a renamed, a new and a vanished organisation in the Rijk table without a word."""
    text = _section(_page(forward_run), "section#vraag1")
    new, gone = RIJK_CHANGES["new"][0], RIJK_CHANGES["gone"]
    renamed_from, renamed_to = next(iter(RIJK_CHANGES["renamed"].items()))
    assert f"Nieuw in de monitor (vanaf): {new} (1e kwartaal 2025); {renamed_to} (1e kwartaal 2025)" in text
    assert (
        f"Niet meer in de monitor (laatst in): {gone} (4e kwartaal 2024); {renamed_from} (4e kwartaal 2024)"
        in text
    )


def _latest_jaarmeting(day: dt.date) -> int | None:
    """The latest jaarmeting published by ``day``, read from the reference files by the documented rule
    (its source's date, else 1 July of the year after; or a statement in words on its date)."""
    years = set()
    with open(REFERENCE / "published_jaarmeting.csv", newline="") as f:
        for r in csv.DictReader(f):
            published = dt.date.fromisoformat(r["gepubliceerd_op"] or f"{int(r['jaar']) + 1}-07-01")
            if published <= day:
                years.add(int(r["jaar"]))
    with open(REFERENCE / "publicaties.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["onderwerp"] == "jaarmeting" and dt.date.fromisoformat(r["datum"]) <= day:
                years.add(int(r["jaar"]))
    return max(years, default=None)


@pytest.fixture(scope="module")
def as_of(forward_run, tmp_path_factory) -> dict[dt.date, tuple[Path, BeautifulSoup]]:
    """Per day of READ_ON: the warehouse built from what was published by then, and its Dutch report."""
    warehouse = forward_run[0]
    settings = Settings.from_env(landing=warehouse.parent.parent / "landing", warehouse=warehouse)
    root = tmp_path_factory.mktemp("as-of")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        earlier = {day: published_by(settings, con, day, root / day.isoformat()) for day in READ_ON}
    found = {}
    for day, built in earlier.items():
        code, summary = run_pipeline(built, isolated=True)
        assert code == 0, (day, summary)
        with duckdb.connect(str(built.warehouse), read_only=True) as con:
            index = build_report(con, built.report, built.warehouse, Language("nl"), day)
        found[day] = (built.warehouse, BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser"))
    return found


def _from_rows(value: float, known: list[float]) -> bool:
    """Whether ``value`` is a number of ``known`` or the difference of two (a shortfall: a target less
    a count), within rounding."""
    whole = {round(k) for k in known}
    return any(abs(value - k) <= 0.5 for k in known) or any(
        round(value + k) + d in whole for k in known for d in (-1, 0, 1)
    )


def _known_values(warehouse: Path) -> list[float]:
    """Every number in the warehouse's marts and reference tables."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = con.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            "WHERE table_schema IN ('marts', 'referentie') "
            "AND data_type IN ('BIGINT', 'INTEGER', 'DOUBLE', 'DECIMAL', 'HUGEINT', 'FLOAT', 'SMALLINT')"
        ).fetchall()
        values = set()
        for schema, table, column in columns:
            values |= {
                v for (v,) in con.execute(f'SELECT DISTINCT "{column}" FROM {schema}.{table}').fetchall()
            }
    return sorted(float(v) for v in values if v is not None)


@pytest.mark.parametrize("day", READ_ON, ids=str)
def test_the_report_as_of_a_day_knows_only_what_was_published_by_then(as_of, day):
    warehouse, page = as_of[day]
    latest = _latest_jaarmeting(day)
    # the latest jaarmeting it names is the latest one published by that day
    sub = " ".join(page.select_one(".sub").get_text().split())
    assert f"Laatste gepubliceerde jaarmeting: {latest if latest else '–'};" in sub
    assert day.strftime("%Y") in " ".join(page.find("h1").get_text().split())
    known = _known_values(warehouse)
    verdicts = page.select("section[id^=vraag] .antwoord, section[id^=vraag] .oordeel")
    assert len(verdicts) >= 3
    for verdict in verdicts:
        sentence = copy.copy(verdict)
        # every number in a verdict carries its status and (published, nowcast, synthetic) equals a row
        for span in sentence.select("span.cijfer[data-herkomst]"):
            assert span["data-herkomst"] in {
                "gepubliceerd",
                "afgeleid",
                "nowcast",
                "projectie",
                "synthetisch",
            }
            if span["data-herkomst"] in {"gepubliceerd", "nowcast", "synthetisch"} and span["data-waarde"]:
                assert _from_rows(float(span["data-waarde"]), known), (day, span)
        for marked in sentence.select("[data-herkomst]"):
            marked.replace_with(" # ")
        text = " ".join(sentence.get_text().split())
        assert not re.findall(r"\d", NOT_FIGURES.sub("", text)), (day, text)
        # no statement in the past tense about a period after the last one measured
        for clause in re.split(r"(?<=[.;:])\s+", text):
            after = [int(y) for y in re.findall(r"\b(20\d\d)\b", clause) if int(y) > (latest or 0)]
            if after:
                assert not PAST & set(re.findall(r"\w+", clause.lower())), (day, clause)
    # no probability where the band's coverage at that horizon failed or was never tested: per segment
    # and target quarter, its horizon from the last data quarter against the published method's tests
    with duckdb.connect(str(warehouse), read_only=True) as con:
        held = set(con.execute(
            "SELECT segment, horizon FROM marts.projectie_kalibratie WHERE gepubliceerd AND n > 0 "
            "AND dekking_80 + 2 * dekking_80_se >= 0.80").fetchall())  # fmt: skip
        last = con.execute("SELECT max(kwartaal) FROM marts.landelijk_kwartaal").fetchone()[0]

    def horizon(quarter: str) -> int:
        return (int(quarter[:4]) - int(last[:4])) * 4 + int(quarter[-1]) - int(last[-1])

    for row in page.select("table#tabel-projectie tbody tr"):
        if CHANCE.search(row.select("td")[-1].get_text()):
            assert (row["data-segment"], horizon(row["data-kwartaal"])) in held, (day, row.get_text(" "))
    answer = " ".join(page.select_one("section#vraag3 .antwoord").get_text().split()) if page.select_one(
        "section#vraag3 .antwoord") else ""  # fmt: skip
    government = [h for s, h in held if s == "overheid"]
    if not {horizon(f"{y}Q4") for y in (2025, 2026)} & set(government):
        assert "de kans op 25.000" not in answer, day
