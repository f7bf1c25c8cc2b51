"""The Dagster layer on small fixtures: asset checks called directly, the file selection of a run,
assets materialised with ``dg.materialize``, and the publish step when an export fails. The
end-to-end runs (test_pipeline, test_dagster) cover the whole graph; these pin its parts."""

from __future__ import annotations

import operator
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from banen_pipeline import exports, marts, runs, worker
from banen_pipeline.config import DEFAULTS, PROJECT_ROOT
from banen_pipeline.db import Warehouse
from banen_pipeline.defs.check_results import to_check_result
from banen_pipeline.defs.deliveries import run_quarters
from banen_pipeline.defs.publish import DATA_DOCS, PARQUET, publish
from banen_pipeline.defs.reference import referentie_tabellen
from banen_pipeline.defs.resources import FoldersResource, WarehouseResource
from banen_pipeline.defs.staging import STAGING
from banen_pipeline.defs.staging_checks import ACCEPTED, rejections_check
from banen_pipeline.deliveries import scan_landing
from banen_pipeline.ingest import files_for_run, ingest, load_regions
from banen_pipeline.reference import load_reference
from banen_pipeline.validation import ExpectationOutcome, SuiteOutcome

from .conftest import REFERENCE, SAMPLES, UWV

KEY = dg.AssetKey(["marts", "landelijk_kwartaal"])


def _outcome(*severities_failed: str) -> SuiteOutcome:
    failed = [
        ExpectationOutcome("expect_column_values_to_not_be_null", ["kwartaal"], sev, False, "rule", 2, [])
        for sev in severities_failed
    ]
    passed = ExpectationOutcome("expect_column_to_exist", ["kwartaal"], "critical", True, "exists", 0, [])
    return SuiteOutcome("marts_landelijk_kwartaal", "marts.landelijk_kwartaal", 2, [passed, *failed])


@pytest.mark.parametrize(
    ("failed", "passed", "severity"),
    [
        ((), True, dg.AssetCheckSeverity.WARN),
        (("warning",), False, dg.AssetCheckSeverity.WARN),
        (("warning", "critical"), False, dg.AssetCheckSeverity.ERROR),
    ],
)
def test_check_severity_is_error_only_for_a_failed_critical_expectation(failed, passed, severity):
    result = to_check_result(KEY, "gx_marts_landelijk_kwartaal", _outcome(*failed))
    assert (result.passed, result.severity) == (passed, severity)
    assert result.metadata["failed critical"].value == failed.count("critical")
    assert result.metadata["failed"].value == len(failed)


def test_a_run_loads_the_files_of_its_quarters_and_every_unknown_file(tmp_path):
    landing = tmp_path / "landing"
    for folder, name in [
        ("uwv", "UWV_Trendrapportage_Banenafspraak_2019K3.csv"),
        ("uwv", "UWV_Trendrapportage_Banenafspraak_2019K4.csv"),
        ("rijk", "Monitor_Banenafspraak_Rijk_2019_Q3.xlsx"),
        ("sectoren", "Voortgangsrapportage_publieke_sectoren_2019.csv"),
    ]:
        (landing / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / folder / name, landing / folder / name)
    (landing / "uwv" / "notes.txt").write_text("not a delivery")
    landed = scan_landing(landing)

    def chosen(quarters):
        return sorted(f.bestand for f in files_for_run(landed, quarters))

    assert chosen({"2019Q3"}) == [
        "Monitor_Banenafspraak_Rijk_2019_Q3.xlsx",
        "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
        "notes.txt",
    ]
    # a yearly report belongs to its year's fourth quarter
    assert chosen({"2019Q4"}) == [
        "UWV_Trendrapportage_Banenafspraak_2019K4.csv",
        "Voortgangsrapportage_publieke_sectoren_2019.csv",
        "notes.txt",
    ]
    assert chosen({"2020Q1"}) == ["notes.txt"]
    assert len(chosen(None)) == 5  # a run without a range of quarters (the UI's Materialize all)


def test_a_runs_quarters_come_from_its_tags():
    assert run_quarters(runs.range_tags("2019Q3", "2020Q1")) == {"2019Q3", "2019Q4", "2020Q1"}
    assert run_quarters({}) is None
    with pytest.raises(dg.Failure, match="must be quarters like 2019Q3"):
        run_quarters(runs.range_tags("2019Q3", "gisteren"))


@pytest.fixture
def small_warehouse(tmp_path, regions) -> Warehouse:
    """The reference facts and two UWV quarters (no validation): enough for the national mart."""
    landing = tmp_path / "landing" / "uwv"
    landing.mkdir(parents=True)
    for name in (
        "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
        "UWV_Trendrapportage_Banenafspraak_2019K4.csv",
    ):
        shutil.copyfile(UWV / name, landing / name)
    warehouse = Warehouse(tmp_path / "wh" / "banen.duckdb")
    warehouse.path.parent.mkdir()
    with warehouse.writer() as con:
        warehouse.init_schema(con)
        load_reference(con, REFERENCE)
        outcomes = ingest(con, scan_landing(landing.parent), regions)
    assert [o.status for o in outcomes] == ["geladen", "geladen"]
    return warehouse


def test_build_mart_makes_the_national_mart_from_the_current_nl_rows(small_warehouse):
    with small_warehouse.writer() as con:
        assert marts.build_mart(con, "landelijk_kwartaal") == 2
        built = con.execute(
            "SELECT kwartaal, extra_banen_totaal, peildatum FROM marts.landelijk_kwartaal ORDER BY kwartaal"
        ).fetchall()
        delivered = con.execute(
            "SELECT kwartaal, extra_banen_totaal FROM staging.uwv_kwartaal WHERE regiocode = 'NL' ORDER BY kwartaal"
        ).fetchall()
    assert [row[:2] for row in built] == delivered
    assert [str(row[2]) for row in built] == ["2019-09-30", "2019-12-31"]


def test_export_of_one_schema_writes_each_table_as_parquet_with_its_rows(small_warehouse, tmp_path):
    out = tmp_path / "exports"
    with small_warehouse.writer() as con:
        marts.build_mart(con, "landelijk_kwartaal")
        manifest = exports.export_schema(con, "marts", out, REFERENCE.parents[1] / "expectations")
    assert {t["table"]: t["rows"] for t in manifest["tables"]} == {"marts.landelijk_kwartaal": 2}
    frame = pl.read_parquet(out / "landelijk_kwartaal" / "landelijk_kwartaal.parquet")
    assert frame.height == 2 and "peildatum" in frame.columns
    assert (out / "datapackage.json").exists() and (out / "manifest.json").exists()


def _resources(warehouse: Warehouse, root: Path, exports_dir: Path) -> dict:
    return {
        "warehouse": WarehouseResource(path=str(warehouse.path)),
        "folders": FoldersResource(
            landing=str(root / "landing"),
            reference=str(REFERENCE),
            exports=str(exports_dir),
            expectations=str(REFERENCE.parents[1] / "expectations"),
            data_docs=str(root / "data_docs"),
            report=str(root / "report"),
        ),
    }


def test_publish_fails_the_step_when_the_export_fails_and_leaves_the_worker_usable(small_warehouse, tmp_path):
    out = tmp_path / "exports"
    with small_warehouse.writer() as con:
        marts.build_mart(con, "landelijk_kwartaal")
    resources = _resources(small_warehouse, tmp_path, out)
    selection = [PARQUET, DATA_DOCS]
    assert dg.materialize([publish], resources=resources, selection=selection).success
    before = (out / "manifest.json").read_text()
    with small_warehouse.writer() as con:  # a mart BI tools cannot read: the export must refuse it
        con.execute("CREATE TABLE marts.kapot AS SELECT INTERVAL 1 DAY AS duur")
    result = dg.materialize([publish], resources=resources, selection=selection, raise_on_error=False)
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert "marts.kapot has column types BI tools cannot read" in str(failure.step_failure_data.error)
    assert result.get_asset_materialization_events() == []  # nothing claims to be published
    assert (out / "manifest.json").read_text() == before  # BI tools still read the last export
    # the data docs call was answered and taken: the next call gets its own answer
    assert worker.shared().call(operator.add, 2, 3) == 5


def test_the_staging_assets_are_the_suppliers_tables():
    assert {b: s.key.to_user_string() for b, s in STAGING.items()} == {
        "uwv": "staging/uwv_kwartaal",
        "rijk": "staging/rijk_monitor",
        "sectoren": "staging/sector_rapportage",
    }


def test_the_reference_asset_called_directly_loads_the_reference_tables(tmp_path):
    warehouse = Warehouse(tmp_path / "banen.duckdb")
    resources = _resources(warehouse, tmp_path, tmp_path / "e")
    context = dg.build_asset_context()
    result = referentie_tabellen(context, resources["warehouse"], resources["folders"])
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        regions = con.execute("SELECT count(*) FROM referentie.regios").fetchone()[0]
    assert result.metadata["rows regios"] == regions == len(load_regions(REFERENCE).names)


def test_the_rejection_check_called_directly_names_file_line_and_rule(tmp_path, regions):
    landing = tmp_path / "landing" / "uwv"
    landing.mkdir(parents=True)
    name = "UWV_Trendrapportage_Banenafspraak_2019K3.csv"
    text = (UWV / name).read_bytes().decode("cp1252").replace(";517;", ";n.b.;", 1)
    (landing / name).write_bytes(text.encode("cp1252"))
    warehouse = Warehouse(tmp_path / "wh" / "banen.duckdb")
    warehouse.path.parent.mkdir()
    with warehouse.writer() as con:
        warehouse.init_schema(con)
        load_reference(con, REFERENCE)
        [outcome] = ingest(con, scan_landing(landing.parent), regions, run_id="r1")
        assert outcome.status == "afgewezen"
        check = rejections_check(con, "uwv", "r1")
        other = rejections_check(con, "rijk", "r1")
    assert (check.passed, check.severity, check.check_name) == (False, dg.AssetCheckSeverity.ERROR, ACCEPTED)
    assert check.asset_key == STAGING["uwv"].key
    assert check.metadata["bestanden"].value == name
    assert "line " in check.metadata["redenen"].value and "is not a number" in check.metadata["redenen"].value
    assert other.passed  # another supplier's check stays green


def declaring(paths_or_data) -> set[str]:
    """The assets and checks whose declared inputs include one of ``paths_or_data`` (files from the
    project root, or ``referentie``): what an edit of them changes."""
    from banen_pipeline import lineage

    data = {p for p in paths_or_data if p == "referentie"}
    files = {PROJECT_ROOT / p for p in paths_or_data if p not in data}
    return {
        key
        for key, inputs in lineage.declared().items()
        if files & lineage.paths(inputs, DEFAULTS["expectations"]) or data & set(inputs.data)
    }


def test_a_changed_input_selects_what_depends_on_it_and_no_more():
    from banen_pipeline import lineage

    from .conftest import defs

    loaded = defs()

    def picked(*paths):
        selection = lineage.rebuild(loaded.resolve_asset_graph(), declaring(paths))
        if selection is None:
            return None
        assets, checks = selection
        return sorted(k.to_user_string() for k in assets), sorted(c.name for c in checks)

    assert picked("expectations/marts_revisies.json") == (["checks/data_docs"], ["gx_marts_revisies"])
    assert picked("warehouse/frames/marts_revisies.sql") == (["checks/data_docs"], ["gx_marts_revisies"])
    assert picked("warehouse/queries/rapport/kwartaal_landelijk.sql") == (["exports/report"], [])
    assets, checks = picked("warehouse/marts/revisies.sql")
    assert assets == [
        "checks/data_docs",
        "exports/parquet",
        "exports/report",
        "exports/snapshot",
        "marts/revisies",
    ]
    assert checks == ["gx_marts_revisies"]
    assets, _checks = picked("warehouse/marts/kwartaalschatting.sql")  # and what reads it
    assert {"marts/kwartaalschatting", "marts/markt_overheid", "marts/projectie"} <= set(assets)
    assert "marts/realisatie_rijk" not in assets
    assets, _checks = picked("referentie")
    assert "referentie/tabellen" in assets and "marts/reconciliatie" in assets
    for everything in ("banen_pipeline/db.py", "warehouse/staging/uwv_kwartaal.sql"):
        assert picked(everything) is None, everything
    # The macros are read by every mart and by nothing before them: every mart, not the deliveries.
    assets, checks = picked("warehouse/marts/_macros.sql")
    assert {f"marts/{name}" for name in marts.names()} <= set(assets)
    assert not {"meta/leveringen", "referentie/tabellen"} & set(assets)
    assert len(checks) == len(marts.names())
    # Python is followed through its imports: the projections' code rebuilds them and what reads them.
    assets, _checks = picked("banen_pipeline/intervals.py")
    assert {"marts/projectie", "marts/officiele_meting", "marts/markt_overheid"} <= set(assets)
    assert "marts/revisies" not in assets
    assert picked("banen_pipeline/report/charts.py") == (["exports/report"], [])
    assert picked("banen_pipeline/cli.py") == ([], [])  # no asset imports it: nothing to rebuild
