"""UWV's regional trend figures (marts.realisatie_regio), its revisions (marts.revisies), and where
people see them: banen status and the report."""

import polars as pl
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from banen_pipeline.cli import app
from banen_pipeline.deliveries.base import UWV_MEASURES

MEASURES = UWV_MEASURES  # the figures of one UWV row, as staging.uwv_kwartaal has them


def test_regional_mart_equals_the_delivered_regional_rows(sample_db):
    columns = ", ".join(["kwartaal", "regiocode", *MEASURES, "bestand", "versie"])
    mart = sample_db.execute(
        f"SELECT {columns} FROM marts.realisatie_regio ORDER BY kwartaal, regiocode"
    ).pl()
    delivered = sample_db.execute(
        f"SELECT {columns} FROM staging.uwv_kwartaal WHERE is_actueel AND regiocode <> 'NL' "
        "ORDER BY kwartaal, regiocode"
    ).pl()
    assert_frame_equal(mart, delivered)
    per_quarter = mart.group_by("kwartaal").len()
    assert per_quarter.height == 33 and set(per_quarter["len"]) == {35}


def test_regional_changes_shares_and_names(sample_db):
    frame = sample_db.execute("SELECT * FROM marts.realisatie_regio").pl()
    by_key = {(r["kwartaal"], r["regiocode"]): r for r in frame.iter_rows(named=True)}
    row = by_key[("2023Q4", "AM01")]
    assert row["regio"] == "Groningen"
    assert (
        row["verandering_vorig_kwartaal"]
        == row["extra_banen_totaal"] - by_key[("2023Q3", "AM01")]["extra_banen_totaal"]
    )
    assert (
        row["verandering_jaar"]
        == row["extra_banen_totaal"] - by_key[("2022Q4", "AM01")]["extra_banen_totaal"]
    )
    assert row["aandeel_werkzaam"] == round(row["werkzame_personen"] / row["doelgroep_personen"], 4)
    assert row["extra_banen_per_100_doelgroep"] == round(
        100 * row["extra_banen_totaal"] / row["doelgroep_personen"], 1
    )
    national = sample_db.execute(
        "SELECT extra_banen_totaal FROM marts.landelijk_kwartaal WHERE kwartaal = '2023Q4'"
    ).fetchone()[0]
    assert row["aandeel_landelijk"] == round(row["extra_banen_totaal"] / national, 4)
    first = frame.filter(pl.col("kwartaal") == "2015Q4")
    assert (
        first["verandering_vorig_kwartaal"].null_count() == 35
        and first["verandering_jaar"].null_count() == 35
    )
    assert str(row["peildatum"]) == "2023-12-31"


def test_a_redelivery_replaces_the_regional_rows_of_its_quarter(sample_db):
    rows = sample_db.execute(
        "SELECT DISTINCT bestand, versie FROM marts.realisatie_regio WHERE kwartaal = '2020Q2'"
    ).fetchall()
    assert rows == [("UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv", 2)]
    # AM01 was revised from 1,382 to 1,419: the mart has the new figure
    assert sample_db.execute(
        "SELECT extra_banen_totaal FROM marts.realisatie_regio WHERE kwartaal = '2020Q2' AND regiocode = 'AM01'"
    ).fetchone() == (1419,)


def test_revisions_show_what_the_redelivery_changed(sample_db):
    quarters, rows, changed = sample_db.execute(
        "SELECT list(DISTINCT kwartaal), count(*), count(*) FILTER (WHERE verschil <> 0) FROM marts.revisies"
    ).fetchone()
    assert quarters == ["2020Q2"]  # the only quarter delivered twice
    assert rows == 36 * len(MEASURES)  # 35 regions and NL, every measure, one pair of versions
    row = sample_db.execute(
        "SELECT oude_waarde, nieuwe_waarde, verschil, oude_versie, nieuwe_versie, oud_bestand, nieuw_bestand, "
        "oude_publicatiedatum, nieuwe_publicatiedatum FROM marts.revisies "
        "WHERE regiocode = 'NL' AND maat = 'extra_banen_totaal'"
    ).fetchone()
    assert row[:7] == (
        58267,
        58301,
        34,
        1,
        2,
        "UWV_Trendrapportage_Banenafspraak_2020K2.csv",
        "UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv",
    )
    assert str(row[7]) == "2020-10-13" and str(row[8]) == "2021-01-12"
    # every difference is the two versions' difference in staging
    mismatches = sample_db.execute(
        """
        SELECT count(*) FROM marts.revisies AS r
        JOIN staging.uwv_kwartaal AS o ON o.kwartaal = r.kwartaal AND o.regiocode = r.regiocode AND o.versie = r.oude_versie
        JOIN staging.uwv_kwartaal AS n ON n.kwartaal = r.kwartaal AND n.regiocode = r.regiocode AND n.versie = r.nieuwe_versie
        WHERE r.maat = 'extra_banen_totaal' AND r.verschil <> n.extra_banen_totaal - o.extra_banen_totaal
        """
    ).fetchone()[0]
    assert mismatches == 0 and changed == 13


def test_status_shows_the_latest_revisions(sample_run, monkeypatch):
    monkeypatch.setenv("BANEN_WAREHOUSE", str(sample_run[0].warehouse))
    done = CliRunner().invoke(app, ["status"])
    assert done.exit_code == 0, done.output
    lines = [line.strip() for line in done.stdout.splitlines()]
    at = lines.index("Latest revisions by UWV:")
    assert lines[at + 1].startswith("2020Q2 v1 -> v2 (published 2020-10-13 -> 2021-01-12")
    assert lines[at + 1].endswith("13 of 252 figures changed; NL extra_banen_totaal 58,267 -> 58,301 (+34)")


def test_report_has_a_labelled_regional_section(sample_run):
    from bs4 import BeautifulSoup

    from banen_pipeline.report import Language

    nl = Language("nl")
    page = BeautifulSoup((sample_run[0].report / "index.html").read_text(), "html.parser")
    section = page.select_one("section#regios")
    answer = section.select_one("p.antwoord").get_text()
    assert "Food Valley" in answer and "38,9" in answer and "synthetisch" in answer  # an answer, labelled
    assert nl.t("synthetisch") in section.select_one("figure svg").get_text(" ")  # and so is the image
    rows = [
        [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in section.select("table#tabel-regios tbody tr")
    ]
    assert len(rows) == 35 and all(r[0][:2] == "AM" for r in rows)
    assert ["AM01 Groningen", "1.905", "+54", "28,4"] in rows
    assert section.select_one("caption").get_text() == nl.t("regios_tabel", kwartaal="4e kwartaal 2023")
    chart = section.select_one("figure#figuur-regios svg")
    assert nl.t("synthetisch") in chart.get_text(" ") and "AM01 Groningen" in chart.get_text(" ")
