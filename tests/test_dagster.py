"""Dagster definitions: they load and validate, the sensor starts one run for what is new, the schedule
targets the latest published quarter, and the partitions read as quarters."""

import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from banen_pipeline import lineage, runs
from banen_pipeline.config import DEFAULTS, PROJECT_ROOT, Settings
from banen_pipeline.definitions import build_defs
from banen_pipeline.defs.landing_sensor import landing_sensor_every
from banen_pipeline.defs.partitions import add_periods, due_periods
from banen_pipeline.defs.resources import FoldersResource, WarehouseResource
from banen_pipeline.defs.schedules import quarterly_schedule
from banen_pipeline.defs.staging import LANDED, STAGING_SPECS
from banen_pipeline.defs.tables import LEVERINGEN, REFERENTIE
from banen_pipeline.quarters import Quarter, publication_due

from .conftest import REFERENCE, SAMPLES, UWV, defs, markdown_as_text

DEFINITIONS = defs()


def folders(landing, reference=REFERENCE, expectations="unused"):
    return FoldersResource(
        landing=str(landing),
        reference=str(reference),
        exports="unused",
        expectations=str(expectations),
        data_docs="unused",
        report="unused",
    )


def evaluate(landing, cursor, warehouse):
    context = dg.build_sensor_context(
        cursor=cursor,
        resources={"folders": folders(landing), "warehouse": WarehouseResource(path=str(warehouse))},
        definitions=DEFINITIONS,
    )
    result = landing_sensor_every(60)(context)
    if isinstance(result, dg.SkipReason):
        return [], cursor
    return result.run_requests, result.cursor


def _range(request):
    return runs.range_of(request.tags)


def test_a_sensor_run_builds_what_reads_the_new_files_suppliers(tmp_path):
    """New UWV files: the delivery step and what is downstream of UWV's staging table in Dagster's
    asset graph (the marts that read it, those built from them, the report and exports); not the
    marts of the Rijk monitor or the sector report. A file no format knows: the delivery step alone
    (it is recorded as rejected)."""
    landing = tmp_path / "landing"
    (landing / "uwv").mkdir(parents=True)
    shutil.copyfile(
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
        landing / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
    )
    [request], _cursor = evaluate(landing, None, tmp_path / "banen.duckdb")
    built = {k.to_user_string() for k in request.asset_selection}
    graph = DEFINITIONS.resolve_asset_graph()
    below = dg.AssetSelection.assets(dg.AssetKey(["staging", "uwv_kwartaal"])).downstream().resolve(graph)
    assert built == {"referentie/tabellen", "meta/leveringen"} | {k.to_user_string() for k in below}
    assert "staging/uwv_kwartaal" in built and "staging/rijk_monitor" not in built
    assert {"marts/landelijk_kwartaal", "marts/markt_overheid", "exports/report", "exports/parquet"} <= built
    assert not {"marts/realisatie_rijk", "marts/realisatie_sector"} & built
    assert lineage.for_suppliers(graph, {"onbekend"}) == {LEVERINGEN, REFERENTIE}


def test_sensor_starts_no_run_for_what_the_warehouse_has_seen_even_with_an_empty_cursor(sample_run):
    settings = sample_run[0]
    requests, _cursor = evaluate(settings.landing, None, settings.warehouse)
    assert requests == []


def test_sensor_starts_one_run_for_all_new_files_and_none_for_the_same_bytes(tmp_path):
    landing = tmp_path / "landing"
    (landing / "uwv").mkdir(parents=True)
    warehouse = tmp_path / "wh" / "banen.duckdb"  # no warehouse yet: everything is new
    first = UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv"
    second = UWV / "UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv"
    for sample in (first, second):
        shutil.copyfile(sample, landing / "uwv" / sample.name)

    [request], cursor = evaluate(landing, None, warehouse)
    assert _range(request) == ("2019Q3", "2020Q2")
    hashes = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second))
    assert request.run_key == cursor == hashlib.sha256("\n".join(hashes).encode()).hexdigest()
    assert len(cursor) == 64  # one key, not a list of every hash

    requests, cursor = evaluate(landing, cursor, warehouse)
    assert requests == []  # requested already, not loaded yet: the same bytes start no second run

    (landing / "uwv" / "copy").mkdir()
    shutil.copyfile(first, landing / "uwv" / "copy" / first.name)  # the same bytes elsewhere
    (landing / "uwv" / first.name).touch()  # touched, bytes unchanged
    requests, cursor = evaluate(landing, cursor, warehouse)
    assert requests == []


def test_sensor_has_a_description():
    assert "meta.leveringen" in landing_sensor_every(60).description


def test_the_sensor_ticks_as_often_as_the_setting_says(monkeypatch):
    from banen_pipeline.definitions import build_defs

    def interval() -> int:
        return build_defs(Settings.from_env()).resolve_sensor_def("landing_sensor").minimum_interval_seconds

    monkeypatch.delenv("BANEN_SENSOR_INTERVAL", raising=False)
    assert interval() == 60
    monkeypatch.setenv("BANEN_SENSOR_INTERVAL", "7")
    assert interval() == 7


def scheduled(when: dt.datetime, landing, warehouse, instance, definitions=DEFINITIONS, **folder):
    """The schedule's run request at ``when``, on ``instance`` (persistent, as a schedule's is)."""
    with dg.build_schedule_context(
        instance=instance,
        scheduled_execution_time=when,
        resources={
            "folders": folders(landing, **folder),
            "warehouse": WarehouseResource(path=str(warehouse)),
        },
        repository_def=definitions.get_repository_def(),
    ) as context:  # closes the instance it opened from the reference
        return quarterly_schedule(context)


def test_schedule_targets_the_most_recently_published_quarter(tmp_path):
    with dg.instance_for_test() as instance:
        request = scheduled(dt.datetime(2024, 4, 16, 6, 0), tmp_path, tmp_path / "none.duckdb", instance)
        assert runs.range_of(request.tags) == ("2023Q4", "2023Q4")
        assert request.asset_selection is None  # on an instance where nothing ran: everything
        request = scheduled(dt.datetime(2020, 1, 16, 6, 0), tmp_path, tmp_path / "none.duckdb", instance)
        assert runs.range_of(request.tags) == ("2019Q3", "2019Q3")


@pytest.mark.slow
def test_banen_run_and_the_schedule_pick_the_same_assets_for_the_same_change(
    sample_copy, tmp_path, monkeypatch
):
    """After a whole run recorded in a Dagster instance: ``banen run`` (what changed since its last
    run, ``lineage.changed``) and the schedule's run (what differs from what the instance recorded,
    ``lineage.recorded_changes``, and files the warehouse has not seen) rebuild the same assets and
    run the same checks, for an edited suite, an edited mart, a new reference fact and a new quarter.
    The schedule also runs the delivery step, to load its quarter."""

    from banen_pipeline.deliveries import scan_landing

    from .broken import uwv_xlsx

    settings = sample_copy[0]
    for name, source in (
        ("expectations", DEFAULTS["expectations"]),
        ("reference", REFERENCE),
        ("landing", SAMPLES),
    ):
        shutil.copytree(source, tmp_path / name)
    settings = settings.replace(
        landing=tmp_path / "landing",
        reference=tmp_path / "reference",
        expectations=tmp_path / "expectations",
    )
    defs = build_defs(settings)
    (tmp_path / "dagster_home").mkdir()
    instance = dg.DagsterInstance.local_temp(tempdir=str(tmp_path / "dagster_home"))  # persistent
    assert defs.resolve_job_def("banen_job").execute_in_process(instance=instance).success
    graph = defs.resolve_asset_graph()

    def state() -> dict[str, str]:
        return lineage.state(settings, scan_landing(settings.landing), "2015Q4", "2023Q4")

    before = state()

    def request() -> dg.RunRequest:
        return scheduled(
            dt.datetime(2024, 4, 16, 6, 0), settings.landing, settings.warehouse, instance, defs,
            reference=settings.reference, expectations=settings.expectations,
        )  # fmt: skip

    def picked():
        assets, checks = lineage.rebuild(graph, lineage.changed(before, state()))
        asked = request()
        return (set(assets) | {REFERENTIE, LEVERINGEN}, set(checks)), (
            set(asked.asset_selection),
            set(asked.asset_check_keys),
        )

    assert lineage.recorded_changes(instance, settings.expectations, settings.reference) == set()
    banen, schedule = picked()
    assert banen == schedule == ({REFERENTIE, LEVERINGEN}, set())  # nothing changed: the delivery step
    suite = settings.expectations / "marts_revisies.json"
    suite.write_text(suite.read_text() + " ")
    banen, schedule = picked()
    assert banen == schedule and {c.name for c in banen[1]} == {"gx_marts_revisies"}
    suite.write_text(suite.read_text()[:-1])
    targets = settings.reference / "targets.csv"
    targets.write_text(targets.read_text() + "\n")
    banen, schedule = picked()
    assert banen == schedule and dg.AssetKey(["marts", "officiele_meting"]) in banen[0]
    targets.write_text(targets.read_text()[:-1])
    new = settings.landing / "uwv" / "Dashboard_Banenafspraak_export_2024-Q1.xlsx"
    new.write_bytes(uwv_xlsx(2024, 1))
    banen, schedule = picked()
    assert banen == schedule and dg.AssetKey(["marts", "realisatie_rijk"]) not in banen[0]
    new.unlink()
    # last, as its run records the edited mart's code version in the instance
    file = lineage._Digests.file
    edited = PROJECT_ROOT / "warehouse" / "marts" / "revisies.sql"
    monkeypatch.setattr(
        lineage._Digests, "file", lambda self, path: ("edited", b"") if path == edited else file(self, path)
    )
    banen, schedule = picked()
    assert banen == schedule and dg.AssetKey(["marts", "revisies"]) in banen[0]
    # and the schedule's run builds it, although it loads no delivery (its tags say what changed)
    asked = request()
    run = defs.resolve_job_def("banen_job").get_subset(
        asset_selection=set(asked.asset_selection), asset_check_selection=set(asked.asset_check_keys)
    )
    result = run.execute_in_process(instance=instance, tags={**asked.tags, "dagster/schedule_name": "x"})
    built = {e.materialization.asset_key for e in result.get_asset_materialization_events()}
    assert dg.AssetKey(["marts", "revisies"]) in built and "marts/revisies" in asked.tags["banen/gewijzigd"]


@pytest.mark.slow
def test_after_a_failed_check_the_sensor_starts_the_run_of_what_passed(tmp_path, landing):
    """A run a failed check stopped: the sensor asks for what ``banen run`` builds after it (one rule,
    ``held_back.what_passed``): everything but what reads the failed mart, and publishing; that run
    succeeds, and its exports name what was held back."""
    import json

    from banen_pipeline.defs.held_back import FOLLOWS_TAG

    from .broken import suites_failing_landelijk_kwartaal
    from .conftest import settings_for

    suites = suites_failing_landelijk_kwartaal(tmp_path / "expectations")
    settings = settings_for(tmp_path, landing(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv"))
    settings = settings.replace(expectations=suites)
    defs = build_defs(settings)
    (tmp_path / "dagster_home").mkdir()
    instance = dg.DagsterInstance.local_temp(tempdir=str(tmp_path / "dagster_home"))
    job = defs.resolve_job_def("banen_job")
    stopped = job.execute_in_process(instance=instance, raise_on_error=False)
    assert not stopped.success
    failure = instance.all_logs(stopped.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)[0].dagster_event
    context = dg.build_run_status_sensor_context(
        "publish_what_passed",
        failure,
        instance,
        stopped.dagster_run,
        repository_def=defs.get_repository_def(),
    )

    request = defs.resolve_sensor_def("publish_what_passed")(context)

    built = {e.materialization.asset_key for e in stopped.get_asset_materialization_events()}
    asked = set(request.asset_selection)
    published = {dg.AssetKey.from_user_string(k) for k in lineage.PUBLISHED}
    assert request.tags[FOLLOWS_TAG] == stopped.run_id and published <= asked and not asked & built
    assert dg.AssetKey(["marts", "reconciliatie"]) not in asked  # the only reader of the failed mart
    assert asked - published == {
        k for k in job.asset_layer.executable_asset_keys if k.path[0] == "marts"
    } - built - {dg.AssetKey(["marts", "reconciliatie"])}
    follow = job.get_subset(asset_selection=asked, asset_check_selection=set(request.asset_check_keys))
    assert follow.execute_in_process(instance=instance, tags=request.tags).success
    manifest = json.loads((settings.exports / "manifest.json").read_text())
    assert {h["table"] for h in manifest["held_back"]} == {"marts.landelijk_kwartaal", "marts.reconciliatie"}


def test_banen_run_and_the_landing_sensor_pick_the_same_assets_for_new_files(tmp_path):
    """A new UWV quarter: ``banen run`` (``lineage.rebuild`` of the changed ``landing/uwv``) rebuilds
    what the landing sensor's run request selects: the delivery step and what reads UWV's data down
    to the report, with the checks of what it rebuilds. A new Rijk monitor likewise."""
    picked = {}
    for bron, name in (
        ("uwv", "UWV_Trendrapportage_Banenafspraak_2019K3.csv"),
        ("rijk", "Monitor_Banenafspraak_Rijk_2019_Q3.xlsx"),
    ):
        landing = tmp_path / bron
        (landing / bron).mkdir(parents=True)
        shutil.copyfile(SAMPLES / bron / name, landing / bron / name)
        [request], _cursor = evaluate(landing, None, landing / "none.duckdb")
        assets, checks = lineage.rebuild(DEFINITIONS.resolve_asset_graph(), {f"landing/{bron}"})
        assert set(request.asset_selection) == set(assets), bron
        assert {c.asset_key for c in checks} <= set(assets) and checks
        picked[bron] = {k.to_user_string() for k in assets}
    assert "marts/landelijk_kwartaal" in picked["uwv"] - picked["rijk"]
    assert "marts/realisatie_rijk" in picked["rijk"] - picked["uwv"]
    assert "exports/report" in picked["uwv"] & picked["rijk"]


def test_each_supplier_has_the_periods_due_by_the_day_as_partitions():
    """UWV's quarters up to the last whose publication is due (about 3.5 months after it ends), the
    sector report's years up to the last due on 30 November of the next year, the Rijk monitor's
    quarters from 2019 up to the last that ended."""
    day = dt.date(2026, 12, 7)
    uwv = due_periods("uwv", day)
    assert (uwv[0], uwv[-1], len(uwv)) == ("2015Q4", "2026Q2", 43)
    assert due_periods("uwv", dt.date(2026, 10, 14))[-1] == "2026Q1"  # 2026Q2 is due on 15 October
    assert due_periods("sectoren", day) == [str(y) for y in range(2015, 2026)]
    assert due_periods("sectoren", dt.date(2026, 11, 29))[-1] == "2024"
    rijk = due_periods("rijk", day)
    assert (rijk[0], rijk[-1]) == ("2019Q1", "2026Q3")
    assert LANDED["sectoren"].partitions_def.name == "sectoren_jaren"


def test_each_supplier_is_late_in_the_ui_after_its_due_day_without_a_delivery():
    """The freshness policy of what each supplier delivers: its deadline is the supplier's due day
    (UWV's publication days, the sector report's 30 November), its window one period long."""
    policies = {bron: spec.freshness_policy for bron, spec in LANDED.items()}
    _minute, _hour, day, months, _weekday = policies["uwv"].deadline_cron.split()
    due = {publication_due(Quarter(2025, q)) for q in range(1, 5)}
    assert {(d.day, d.month) for d in due} == {(int(day), int(m)) for m in months.split(",")}
    assert policies["sectoren"].deadline_cron == "0 0 30 11 *"
    assert policies["rijk"].deadline_cron == "0 0 1 1,4,7,10 *"
    assert policies["uwv"].lower_bound_delta == dt.timedelta(days=90)


def test_partitions_get_the_due_periods_and_every_period_held_in_order():
    """A delivery before its due day gets its partition; a period is added once; the UI lists them
    in order."""
    instance = dg.DagsterInstance.ephemeral()
    add_periods(instance, "sectoren", {"2026"}, dt.date(2026, 12, 7))
    add_periods(instance, "sectoren", {"2019", "2026"}, dt.date(2026, 12, 7))
    assert instance.get_dynamic_partitions("sectoren_jaren") == [str(y) for y in range(2015, 2027)]


@pytest.mark.slow
def test_dg_check_defs_passes_and_workspace_yaml_points_at_the_same_definitions():
    """``dg check defs`` as an engineer runs it, in a process of its own; ``dagster dev -w
    workspace.yaml`` loads the same attribute."""
    done = subprocess.run(
        [str(Path(sys.executable).with_name("dg")), "check", "defs"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All definitions loaded successfully" in done.stdout + done.stderr
    assert "SupersessionWarning" not in done.stdout + done.stderr
    workspace = (PROJECT_ROOT / "workspace.yaml").read_text()
    assert "module_name: banen_pipeline.definitions" in workspace and "attribute: defs" in workspace


def _materialize_leveringen(settings, partitions):
    from banen_pipeline.definitions import build_defs

    job = build_defs(settings).resolve_job_def("banen_job")
    instance = dg.DagsterInstance.ephemeral()
    result = job.execute_in_process(
        instance=instance,
        tags=runs.range_tags(partitions[0], partitions[-1]),
        asset_selection=[
            REFERENTIE,
            LEVERINGEN,
            *(s.key for s in STAGING_SPECS),
        ],  # the delivery step: no marts
        raise_on_error=False,
    )
    checks = {
        e.asset_check_evaluation_data.asset_key.path[-1]: e.asset_check_evaluation_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.asset_check_evaluation_data.check_name == "levering_geaccepteerd"
    }
    return checks, instance.get_run_by_id(result.run_id).tags, result


@pytest.mark.slow
def test_a_rejected_delivery_fails_a_check_until_an_accepted_one_replaces_it(tmp_path, landing):
    from .broken import csv_text_in_number
    from .conftest import settings_for

    broken = "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
    folder = landing(**{broken: csv_text_in_number()})
    settings = settings_for(tmp_path, folder)
    checks, tags, result = _materialize_leveringen(settings, ["2019Q1", "2019Q2"])
    uwv = checks["uwv_kwartaal"]
    assert not uwv.passed and uwv.severity == dg.AssetCheckSeverity.ERROR
    assert uwv.metadata["afgewezen"].value == 1 and uwv.metadata["bestanden"].value == broken
    assert (
        f"{broken} (line 14): 'n.b.' in column 'Extra banen regulier markt' is not a number"
        in markdown_as_text(uwv.metadata["redenen"].value)
    )
    assert tags["banen/afgewezen"] == "1"
    # the reason inline on the check, not only behind the Markdown of its metadata
    assert uwv.description.startswith(f"Rejected: {broken} (line 14): 'n.b.' in column")
    assert checks["rijk_monitor"].passed and checks["sector_rapportage"].passed
    _overdue_and_partitions(result, broken)

    # the supplier sends the quarter again, correct this time: the check clears
    (folder / "uwv" / broken.replace(".csv", "_v2.csv")).write_bytes((UWV / broken).read_bytes())
    checks, tags, result = _materialize_leveringen(settings, ["2019Q2"])
    assert checks["uwv_kwartaal"].passed and "banen/afgewezen" not in tags
    # now the quarter is materialized, with its own files, status and version
    [(partition, metadata)] = _uwv_partitions(result).items()
    assert partition == "2019Q2"
    v2 = broken.replace(".csv", "_v2.csv")
    assert (metadata["deze run"].value, metadata["actueel"].value, metadata["versies"].value) == (
        f"{v2}: geladen",
        v2,
        1,
    )


def _overdue_and_partitions(result, rejected: str) -> None:
    """The quarters due without a delivery warn; a quarter without a loaded delivery is not
    materialized."""
    from banen_pipeline.quarters import Quarter, latest_published_quarter, publication_due

    [overdue] = [
        e.asset_check_evaluation_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.asset_check_evaluation_data.check_name == "levering_op_tijd"
    ]
    assert not overdue.passed and overdue.severity == dg.AssetCheckSeverity.WARN
    missing = overdue.metadata["kwartalen"].value.split(", ")
    assert missing[0] == "2015Q4" and missing[-1] == str(latest_published_quarter(dt.date.today()))
    assert f"- 2024Q1: due {publication_due(Quarter(2024, 1)):%d-%m-%Y}" in overdue.metadata["verwacht"].value

    # a quarter whose only delivery was rejected is not materialized: partition status is data
    assert _uwv_partitions(result) == {}


def _uwv_partitions(result) -> dict:
    return {
        m.partition: m.metadata
        for m in (e.materialization for e in result.get_asset_materialization_events())
        if m.asset_key == LANDED["uwv"].key
    }


def test_a_quarter_is_materialized_when_its_delivery_was_loaded_and_only_then(sample_run, tmp_path):
    """A Dagster instance that never saw the warehouse shows what it holds after one run, each
    supplier's own periods; a run with nothing new marks nothing again."""
    from banen_pipeline.definitions import build_defs

    settings = sample_run[0]
    warehouse = tmp_path / "banen.duckdb"
    shutil.copyfile(settings.warehouse, warehouse)
    settings = settings.replace(warehouse=warehouse)
    job = build_defs(settings).resolve_job_def("banen_job").get_subset(asset_selection={LEVERINGEN})
    instance = dg.DagsterInstance.ephemeral()
    assert job.execute_in_process(instance=instance).success

    def shown(bron: str) -> list[str]:
        return sorted(instance.get_materialized_partitions(LANDED[bron].key))

    uwv = shown("uwv")
    assert (uwv[0], uwv[-1], len(uwv)) == ("2015Q4", "2023Q4", 33)  # no 2024Q1 or later: no delivery
    rijk = shown("rijk")
    assert (rijk[0], rijk[-1], len(rijk)) == ("2019Q1", "2023Q4", 20)
    assert shown("sectoren") == [str(year) for year in range(2015, 2024)]  # years, not quarters
    extract = shown("microdata")  # the sample extract: the 2012Q4 baseline and every quarter
    assert (extract[0], extract[1], extract[-1], len(extract)) == ("2012Q4", "2015Q4", "2023Q4", 34)
    # the partitions: every period due by today and every period held, so UWV ends at the last due quarter
    partitions = instance.get_dynamic_partitions("uwv_kwartalen")
    assert partitions[-1] == due_periods("uwv", dt.date.today())[-1] and partitions == sorted(partitions)
    # a partition's row count is its own: one quarter of UWV is 35 regions and NL per version
    records = instance.fetch_materializations(LANDED["uwv"].key, limit=100).records
    counts = {
        r.asset_materialization.partition: r.asset_materialization.metadata["dagster/row_count"].value
        for r in records
    }
    assert counts["2019Q3"] == 36 and counts["2020Q2"] == 72  # 2020Q2: delivered twice, two versions

    again = job.execute_in_process(instance=instance)
    assert [e.materialization.asset_key for e in again.get_asset_materialization_events()] == [LEVERINGEN]


def test_every_step_is_unpartitioned_so_materialize_all_is_one_run():
    """The UI opens a partition dialog, and splits a backfill into runs, only for partitioned steps.
    What the suppliers deliver is partitioned by their periods; the staging tables are the delivery
    step's outputs, not external."""
    graph = defs().resolve_asset_graph()
    assert not [k for k in graph.executable_asset_keys if graph.get(k).is_partitioned]
    assert {k.to_user_string() for k in graph.get_all_asset_keys() if graph.get(k).is_partitioned} == {
        "landing/uwv",
        "landing/rijk",
        "landing/sectoren",
        "landing/microdata",
    }
    external = {k.to_user_string() for k in graph.get_all_asset_keys() if not graph.get(k).is_executable}
    assert external == {"landing/uwv", "landing/rijk", "landing/sectoren", "landing/microdata"}


@pytest.mark.slow
def test_a_sensor_run_that_loads_nothing_builds_nothing_after_the_delivery_step(sample_copy, tmp_path):
    """A run the landing sensor starts for a delivery that is rejected: the check names the file, the
    run is tagged as having found nothing new, and no mart, report or export is built (the delivery
    step does not materialize, so Dagster skips every step after it)."""

    from .broken import csv_text_in_number

    settings = sample_copy[0]
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    broken = "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv"
    (landing / "uwv" / broken).write_bytes(csv_text_in_number())
    settings = settings.replace(landing=landing)
    result = _run_finding_nothing_new(settings, "2019Q2", {"dagster/sensor_name": "landing_sensor"})
    [accepted] = [
        e.asset_check_evaluation_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.asset_check_evaluation_data.check_name == "levering_geaccepteerd"
        and e.asset_check_evaluation_data.asset_key.path[-1] == "uwv_kwartaal"
    ]
    assert not accepted.passed and accepted.metadata["bestanden"].value == broken


def _run_finding_nothing_new(settings, quarter: str, tags: dict[str, str]) -> dg.ExecuteInProcessResult:
    """A run of ``quarter`` with ``tags`` (a sensor's, the schedule's) on a new instance that has the
    reference facts materialized as earlier runs left them: it must find nothing new, materialize the
    reference facts and the staging quarters the instance had not seen (partition status is data),
    and skip every step after the delivery step; no report or export is written."""
    import os

    from banen_pipeline.definitions import build_defs

    report = settings.report / "index.html"
    before = (report.stat().st_mtime_ns, os.path.realpath(settings.exports))
    job = build_defs(settings).resolve_job_def("banen_job")
    instance = dg.DagsterInstance.ephemeral()
    assert job.get_subset(asset_selection={REFERENTIE}).execute_in_process(instance=instance).success
    result = job.execute_in_process(
        instance=instance, tags=runs.range_tags(quarter, quarter) | tags, raise_on_error=False
    )
    assert result.success
    built = {e.materialization.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {k for k in built if not k.startswith("landing/")} == {"referentie/tabellen"}
    skipped = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"}
    assert {"marts", "mart_checks", "analyses", "analysis_checks", "publish"} <= skipped
    assert instance.get_run_by_id(result.run_id).tags["banen/niets_nieuw"] == "true"
    assert (report.stat().st_mtime_ns, os.path.realpath(settings.exports)) == before
    return result


@pytest.mark.slow
def test_a_scheduled_run_with_nothing_new_builds_no_mart(sample_copy):
    """The quarterly schedule's run over a landing folder the warehouse has loaded: it records that it
    found nothing new and builds no mart, report or export (an explicit Materialize all would)."""
    _run_finding_nothing_new(sample_copy[0], "2023Q4", {"dagster/schedule_name": "quarterly_schedule"})
