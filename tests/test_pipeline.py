"""The whole job on the samples: staging, versions, marts, exports, idempotence, rejections."""

import hashlib
import json
import shutil
import subprocess
import sys

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

from banen_pipeline.config import DEFAULTS, PROJECT_ROOT
from banen_pipeline.marts import build_mart

from .broken import BROKEN_UWV
from .conftest import REFERENCE, SAMPLES, UWV, copy_sample_warehouse, run, settings_for, table_checksums


def test_samples_load_without_rejections(sample_run):
    _settings, code, summary = sample_run
    assert code == 0
    assert (summary["geladen"], summary["afgewezen"], summary["dubbel"]) == (34 + 20 + 9, 0, 0)
    assert summary["marts"]["marts.landelijk_kwartaal"] == 33
    assert summary["not_built"] == [] and summary["failed_steps"] == []


def test_current_national_totals_equal_the_deliveries(sample_db):
    rows = sample_db.execute(
        "select kwartaal, extra_banen_totaal from staging.uwv_kwartaal "
        "where regiocode='NL' and is_actueel order by kwartaal"
    ).fetchall()
    assert len(rows) == 33
    assert rows[0][0] == "2015Q4" and rows[-1][0] == "2023Q4"
    totals = dict(rows)
    assert totals["2019Q3"] == 58544
    assert totals["2023Q4"] == 86264
    assert totals["2020Q2"] == 58301  # from the revised delivery


def test_redelivery_is_current_and_the_original_stays(sample_db):
    versions = sample_db.execute(
        "select bestand, versie, is_actueel from staging.uwv_kwartaal "
        "where regiocode='NL' and kwartaal='2020Q2' order by versie"
    ).fetchall()
    assert versions == [
        ("UWV_Trendrapportage_Banenafspraak_2020K2.csv", 1, False),
        ("UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv", 2, True),
    ]
    per_version = sample_db.execute(
        "select bestand, count(*) from staging.uwv_kwartaal where kwartaal='2020Q2' group by all"
    ).fetchall()
    assert sorted(n for _, n in per_version) == [36, 36]


def test_raw_keeps_text_with_file_and_line(sample_db):
    row = sample_db.execute(
        "select regel, extra_banen_totaal from raw.uwv_trendrapportage "
        "where bestand = 'UWV_Trendrapportage_Banenafspraak_2019K3.csv' and regiocode = 'NL'"
    ).fetchone()
    assert row == (41, "58.544")
    assert sample_db.execute("select count(*) from raw.uwv_dashboard_banen").fetchone()[0] == 10 * 36 * 4


def test_every_table_and_column_has_a_comment(sample_db):
    missing = sample_db.execute(
        "select schema_name || '.' || table_name from duckdb_tables() where comment is null "
        "union all select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
        "where comment is null and schema_name in ('meta', 'raw', 'staging', 'referentie', 'marts')"
    ).fetchall()
    assert missing == []


def test_landelijk_kwartaal_realisation_against_the_year_target(sample_db):
    row = sample_db.execute(
        "select extra_banen_totaal, taakstelling_totaal, realisatie_pct from marts.landelijk_kwartaal "
        "where kwartaal = '2023Q4'"
    ).fetchone()
    assert row == (86264, 105000, round(100 * 86264 / 105000, 1))


def test_a_year_without_a_printed_target_keeps_the_laws_final_target(tmp_path, sample_run):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_run[0].warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute(
        "insert into staging.uwv_kwartaal select * replace ('2024Q1' as kwartaal) "
        "from staging.uwv_kwartaal where kwartaal = '2023Q4' and regiocode = 'NL'"
    )
    build_mart(con, "landelijk_kwartaal")
    row = con.execute(
        "select taakstelling_totaal, realisatie_pct from marts.landelijk_kwartaal where kwartaal = '2024Q1'"
    ).fetchone()
    assert row == (125000, round(100 * 86264 / 125000, 1))
    targets = dict(
        con.execute(
            "select jaar, herkomst from referentie.doelen where jaar in (2023, 2024, 2026, 2027)"
        ).fetchall()
    )
    assert targets == {
        2023: "gepubliceerd",
        2024: "wettelijk_eindniveau",
        2026: "gepubliceerd",
        2027: "wettelijk_eindniveau",
    }


def test_exports_are_readable_and_match_the_manifest(sample_run):
    settings = sample_run[0]
    manifest = json.loads((settings.exports / "manifest.json").read_text())
    assert [t["table"] for t in manifest["tables"]] == [
        "marts.jaarmeting_vergelijking",
        "marts.kwartaalschatting",
        "marts.landelijk_kwartaal",
        "marts.markt_overheid",
        "marts.microdata_banen",
        "marts.microdata_duurzaamheid",
        "marts.microdata_reconciliatie",
        "marts.nowcast_backtest",
        "marts.officiele_meting",
        "marts.projectie",
        "marts.projectie_backtest",
        "marts.projectie_doel",
        "marts.projectie_kalibratie",
        "marts.realisatie_regio",
        "marts.realisatie_rijk",
        "marts.realisatie_sector",
        "marts.reconciliatie",
        "marts.revisies",
    ]
    for entry in manifest["tables"]:
        path = settings.exports / entry["path"]
        assert pq.read_table(path).num_rows == entry["rows"]
        assert pl.read_parquet(path).height == entry["rows"]
        assert (
            duckdb.sql("select count(*) from read_parquet(?)", params=[str(path)]).fetchone()[0]
            == entry["rows"]
        )
        [(name, digest)] = entry["sha256"].items()
        assert hashlib.sha256((settings.exports / name).read_bytes()).hexdigest() == digest
        assert {c["type"] for c in entry["columns"]} <= {
            "VARCHAR",
            "INTEGER",
            "BIGINT",
            "DOUBLE",
            "DATE",
            "BOOLEAN",
        }


def test_a_run_with_nothing_new_does_nothing_and_says_so(sample_run):
    from banen_pipeline.pipeline import run_pipeline

    settings = sample_run[0]
    before = table_checksums(settings.warehouse)
    last_run = (settings.warehouse.parent / "last_run.json").read_text()
    stamp = settings.warehouse.stat().st_mtime_ns
    said = []
    code, summary = run_pipeline(settings, say=lambda kind, text: said.append(text))
    assert (code, summary["niets nieuw"]) == (0, True)
    assert "nothing new since run" in said[0] and "no mart rebuilt" in said[0]
    assert settings.warehouse.stat().st_mtime_ns == stamp  # not even opened for writing
    assert (settings.warehouse.parent / "last_run.json").read_text() == last_run
    assert table_checksums(settings.warehouse) == before


def test_each_assets_inputs_change_with_them_and_no_others(tmp_path):
    from banen_pipeline import lineage
    from banen_pipeline.deliveries import scan_landing

    from .conftest import defs

    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    suites = tmp_path / "expectations"
    shutil.copytree(DEFAULTS["expectations"], suites)
    settings = settings_for(tmp_path, landing).replace(reference=reference, expectations=suites)

    def state(first="2015Q4", settings=settings):
        return lineage.state(settings, scan_landing(landing), first, "2023Q4")

    base = state()
    assert state() == base

    def changed(now):
        return lineage.changed(base, now)

    suppliers = {"landing/uwv", "landing/rijk", "landing/sectoren", "landing/microdata"}
    assert changed(state("2016Q1")) == suppliers  # another range of quarters: every supplier's files
    (reference / "targets.csv").write_text((reference / "targets.csv").read_text() + "\n")
    assert changed(state()) == {"referentie/tabellen"}
    shutil.copytree(REFERENCE, reference, dirs_exist_ok=True)
    assert state() == base
    (landing / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K1.csv").unlink()
    assert changed(state()) == {"landing/uwv"}
    shutil.copytree(SAMPLES, landing, dirs_exist_ok=True)
    suite = suites / "marts_revisies.json"
    suite.write_text(suite.read_text().replace("}", "} ", 1))
    assert changed(state()) == {"marts/revisies:gx_marts_revisies"}
    assert changed(state(settings=settings.replace(taal="en"))) >= {
        "exports/report",
        "checks/data_docs",
    }
    # one declaration for every asset a run builds and every check it runs
    job = defs().resolve_job_def("banen_job")
    declared = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
    declared |= {
        k.to_user_string()
        for k in job.asset_layer.asset_graph.asset_check_keys
        if k.name.startswith("gx_marts")
    }
    assert set(base) - suppliers == declared


@pytest.mark.slow
def test_a_forced_second_run_loads_nothing_and_changes_no_table(sample_copy):
    settings, before = sample_copy
    manifest_before = (settings.exports / "manifest.json").read_text()
    from banen_pipeline.pipeline import run_pipeline

    code, summary = run_pipeline(settings, force=True)
    assert code == 0
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:  # the run log says so too
        logged = con.execute(
            "SELECT herkomst, status, geladen, afgewezen, dubbel, al_gezien FROM meta.runs WHERE run_id = ?",
            [summary["run_id"]],
        ).fetchone()
    assert logged == ("cli", "geslaagd", 0, 0, 0, 63)
    assert (summary["geladen"], summary["afgewezen"], summary["dubbel"], summary["al gezien"]) == (
        0,
        0,
        0,
        63,
    )
    assert table_checksums(settings.warehouse) == before
    assert (settings.exports / "manifest.json").read_text() == manifest_before


@pytest.mark.slow
def test_broken_deliveries_are_rejected_and_the_rest_loads(tmp_path, landing):
    good = [
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K1.csv",
        UWV / "UWV_Trendrapportage_Banenafspraak_2020K2.csv",
        UWV / "Dashboard_Banenafspraak_export_2023-Q4.xlsx",
    ]
    folder = landing(*good, **{name: make() for name, (make, _, _) in BROKEN_UWV.items()})
    settings = settings_for(tmp_path, folder)
    code, summary = run(settings)
    assert code == 3
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        status = dict(con.execute("select bestand, status from meta.leveringen").fetchall())
        reasons = dict(
            con.execute("select bestand, reden from meta.leveringen where status='afgewezen'").fetchall()
        )
        loaded = con.execute("select distinct bestand from staging.uwv_kwartaal order by 1").fetchall()
    assert {name for name, s in status.items() if s == "geladen"} == {p.name for p in good}
    assert set(reasons) == set(BROKEN_UWV)
    for name, (_make, place, rule) in BROKEN_UWV.items():
        assert reasons[name].startswith(name) and place in reasons[name] and rule in reasons[name]
    assert [b for (b,) in loaded] == sorted(p.name for p in good)


@pytest.mark.slow
def test_same_bytes_under_another_name_is_dubbel(tmp_path, landing):
    sample = UWV / "UWV_Trendrapportage_Banenafspraak_2019K1.csv"
    folder = landing(sample, **{"UWV_Trendrapportage_Banenafspraak_2019K1_kopie.csv": sample.read_bytes()})
    settings = settings_for(tmp_path, folder)
    code, summary = run(settings)
    assert code == 0 and summary["geladen"] == 1 and summary["dubbel"] == 1
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from staging.uwv_kwartaal").fetchone()[0] == 36


def test_code_location_loads_without_the_heavy_libraries():
    heavy = ["great_expectations", "statsmodels", "scipy"]
    code = f"import banen_pipeline.definitions, sys; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.stdout.strip() == "[]"


def test_an_edited_suite_runs_only_its_check(sample_run, tmp_path):
    from banen_pipeline.pipeline import run_pipeline

    shared = sample_run[0]
    suites = tmp_path / "expectations"
    shutil.copytree(shared.expectations, suites)
    suite = suites / "marts_revisies.json"
    suite.write_text(suite.read_text().replace("}", "} ", 1))  # the same rules, other bytes
    settings = copy_sample_warehouse(sample_run, settings_for(tmp_path, shared.landing)).replace(
        expectations=suites
    )
    before = table_checksums(settings.warehouse)
    manifest = (settings.exports / "manifest.json").read_text()
    said = []
    code, summary = run_pipeline(settings, say=lambda kind, text: said.append(text))
    assert code == 0 and summary["not_built"] == []
    assert "only what depends on suite/marts_revisies" in said[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        ran = con.execute(
            "SELECT suite FROM meta.validaties WHERE run_id = ?", [summary["run_id"]]
        ).fetchall()
    assert ran == [("marts_revisies",)]
    assert table_checksums(settings.warehouse) == before  # no table rebuilt
    assert (settings.exports / "manifest.json").read_text() == manifest  # no export written
