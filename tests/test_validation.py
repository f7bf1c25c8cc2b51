"""Value rules: suites load with plain GX, a wrong figure is rejected by validation with evidence,
a failed mart check stops what is downstream, and data docs are written."""

import json

import duckdb
import pytest

from banen_pipeline.config import DEFAULTS

from .broken import FAILING_RULE, csv_lines, join, suites_failing_landelijk_kwartaal, suites_with_rule
from .conftest import UWV, run, settings_for

SUITES = sorted(DEFAULTS["expectations"].glob("*.json"))


@pytest.mark.parametrize("path", SUITES, ids=[p.stem for p in SUITES])
def test_every_suite_loads_with_plain_gx_and_has_a_critical_expectation(path):
    import great_expectations as gx  # here, not at collection: its import costs every worker seconds

    suite = gx.ExpectationSuite(**json.loads(path.read_text()))
    severities = {str(getattr(e.severity, "value", e.severity)).lower() for e in suite.expectations}
    assert "critical" in severities
    assert suite.name == path.stem


def raised_markt(extra: int, publication: str | None = None) -> bytes:
    """2019K3 with Achterhoek's 'Extra banen regulier markt' raised by ``extra``."""
    lines = csv_lines(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv")
    fields = lines[5].split(b";")
    assert fields[0] == b"Achterhoek"
    fields[5] = str(int(fields[5]) + extra).encode()
    lines[5] = b";".join(fields)
    if publication:
        lines[2] = f"Publicatiedatum: {publication};;;;;;;;".encode()
    return join(lines)


def test_a_figure_that_breaks_the_region_sum_is_rejected_by_validation(tmp_path, landing):
    original = UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv"
    revised = "UWV_Trendrapportage_Banenafspraak_2019K3_v2.csv"
    folder = landing(original, **{revised: raised_markt(900, publication="01-03-2020")})
    settings = settings_for(tmp_path, folder)

    code, _summary = run(settings)

    assert code == 3
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        status, reden = con.execute(
            "select status, reden from meta.leveringen where bestand = ?", [revised]
        ).fetchone()
        current = con.execute(
            "select distinct bestand from staging.uwv_kwartaal where kwartaal = '2019Q3' and is_actueel"
        ).fetchall()
        in_raw = con.execute(
            "select count(*) from raw.uwv_trendrapportage where bestand = ?", [revised]
        ).fetchone()
        logged = con.execute(
            "select success, failed from meta.validaties where bestand = ?", [revised]
        ).fetchone()
    assert status == "afgewezen"
    assert reden.startswith("validation suite staging_uwv_kwartaal failed")  # not the parser
    assert "verschil_regios_extra_banen_regulier_markt" in reden
    assert (
        "extra_banen_regulier_markt=44117" in reden and "som_regios_extra_banen_regulier_markt=45017" in reden
    )
    assert "verschil_categorieen" in reden
    assert current == [(original.name,)]
    assert in_raw == (0,)
    assert logged[0] is False and logged[1] >= 2


def test_a_failed_mart_check_holds_back_only_what_reads_the_mart(tmp_path, landing):
    """The check stops its run; the run of what passed builds the marts that do not read the failed
    one and publishes them. The report waits for a first good build of every mart it reads."""
    suites = suites_failing_landelijk_kwartaal(tmp_path / "expectations")
    folder = landing(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv")
    settings = settings_for(tmp_path, folder)
    settings = settings.replace(expectations=suites)

    code, summary = run(settings)

    assert code == 1
    assert summary["not_built"] == ["exports/report", "marts/reconciliatie"]  # its only reader
    manifest = json.loads((settings.exports / "manifest.json").read_text())
    exported = {t["table"] for t in manifest["tables"]}
    held = {h["table"]: h for h in manifest["held_back"]}
    assert held.keys() == {"marts.landelijk_kwartaal", "marts.reconciliatie"}
    assert held["marts.landelijk_kwartaal"]["reason"] == f"failed its check: {FAILING_RULE}"
    assert held["marts.landelijk_kwartaal"]["file"] is None  # nothing exported before
    assert not exported & held.keys() and {"marts.realisatie_regio", "marts.projectie"} <= exported
    docs = (settings.data_docs / "index.html").read_text()
    assert 'id="tegengehouden"' in docs and "marts.reconciliatie leest marts.landelijk_kwartaal" in docs
    assert not (settings.report / "index.html").exists()
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from marts.landelijk_kwartaal").fetchone() == (1,)
        failed = con.execute(
            "select failed from meta.validaties where suite = 'marts_landelijk_kwartaal'"
        ).fetchall()
    assert failed == [(1,)]


@pytest.mark.slow
def test_a_check_failing_on_a_built_warehouse_still_publishes_the_report_naming_what_it_held_back(
    sample_copy,
):
    """On the samples, a suite edit that the current rows break: the report, the exports and the
    data docs are written; the failed mart and its readers keep their export before, and the report
    and the data docs say so."""
    settings, _ = sample_copy
    before = json.loads((settings.exports / "manifest.json").read_text())
    suites = suites_failing_landelijk_kwartaal(settings.warehouse.parent / "expectations")
    settings = settings.replace(expectations=suites)

    code, summary = run(settings)

    assert code == 1 and summary["failed_steps"] == ["mart_checks"]
    manifest = json.loads((settings.exports / "manifest.json").read_text())
    held = {h["table"]: h["file"] for h in manifest["held_back"]}
    assert held == {"marts.landelijk_kwartaal": "previous export", "marts.reconciliatie": "previous export"}
    was = {t["table"]: t["sha256"] for t in before["tables"]}
    assert all(t["sha256"] == was[t["table"]] for t in manifest["tables"] if t["table"] in held)
    page = (settings.report / "index.html").read_text()
    assert 'id="tegengehouden"' in page and "marts.landelijk_kwartaal voldoet niet" in page
    docs = (settings.data_docs / "index.html").read_text()
    assert FAILING_RULE in docs
    assert "marts_realisatie_rijk" in docs  # the docs show the marts this run did not rebuild too


@pytest.mark.slow
def test_a_staging_table_that_fails_its_suite_as_a_whole_stops_the_run(tmp_path, landing):
    """The delivery step runs the staging suites on the whole tables: a critical failure there fails
    the step (the failed validation is recorded), and no mart is rebuilt."""
    folder = landing(
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K4.csv",
    )
    settings = settings_for(tmp_path, folder)
    assert run(settings)[0] == 0
    suites = suites_with_rule(  # a rule the table of both deliveries breaks
        tmp_path / "expectations",
        "staging_uwv_kwartaal",
        "expect_table_row_count_to_be_between",
        {"max_value": 40},
        "at most one delivery's rows, for this test",
    )
    settings = settings.replace(expectations=suites)

    code, summary = run(settings)

    assert code == 1 and summary["failed_steps"] == ["leveringen"]
    assert "marts/landelijk_kwartaal" in summary["not_built"]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        whole = con.execute(
            "select success from meta.validaties where suite = 'staging_uwv_kwartaal' and bestand is null "
            "order by gevalideerd_op"
        ).fetchall()
    assert whole == [(True,), (False,)]


def test_data_docs_show_the_latest_run(sample_run):
    settings = sample_run[0]
    index = settings.data_docs / "index.html"
    assert index.exists()
    html = index.read_text()
    assert "staging_uwv_kwartaal" in html and "marts_landelijk_kwartaal" in html


def test_each_delivery_and_check_is_logged_in_meta_validaties(sample_db):
    rows = sample_db.execute(
        "select suite, count(*), count(bestand), bool_and(success) from meta.validaties group by suite order by suite"
    ).fetchall()
    by_suite = {suite: (n, files, ok) for suite, n, files, ok in rows}
    assert by_suite["staging_uwv_kwartaal"][1] == 34  # one per delivery
    assert by_suite["marts_landelijk_kwartaal"][2] is True


def test_suites_validated_side_by_side_report_as_one_at_a_time(sample_db):
    """A checks step sends all its suites at once and they run in processes forked from the worker;
    what comes back (verdicts, counts, the offending rows) is what validating them one by one here
    gives. (The forks happen in the worker process, as in a run, not in this multi-threaded one.)"""
    from banen_pipeline import worker
    from banen_pipeline.validation import frame_sql, gx_engine
    from banen_pipeline.validation.gx_engine import GxEngine

    folder = DEFAULTS["expectations"]
    requests = []
    for suite, split_by in (
        ("marts_landelijk_kwartaal", None),
        ("marts_revisies", None),
        ("marts_projectie_backtest", "segment"),
    ):
        frame = sample_db.execute(frame_sql(folder, suite)).df()
        requests.append((suite, frame, split_by, "tabel"))
    requests[0][1].loc[3, "extra_banen_totaal"] = None  # breaks a critical not-null rule
    requests[2][1].loc[5, "horizon"] = 9  # out of range for one segment only
    together = worker.shared().call(gx_engine.validate_frames, folder, requests)
    one_by_one = [GxEngine(folder).validate_frame(*request) for request in requests]
    assert together == one_by_one
    national = together[0][None]
    assert [(e.columns, e.unexpected_count) for e in national.critical_failed] == [
        (["extra_banen_totaal"], 1)
    ]
    segment = requests[2][1].at[5, "segment"]
    assert [not o.success for o in together[2].values()].count(True) == 1
    assert not together[2][segment].success
