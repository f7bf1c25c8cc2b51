"""Dagster definitions: they load and validate, the sensor keys runs by sha256, the schedule
targets the latest published quarter, and the partitions read as quarters."""

import datetime as dt
import hashlib
import shutil

import dagster as dg

from banen_pipeline.config import PROJECT_ROOT
from banen_pipeline.defs.partitions import quarterly_partitions
from banen_pipeline.defs.resources import FoldersResource
from banen_pipeline.defs.schedules import quarterly_schedule
from banen_pipeline.defs.sensors import landing_sensor

from .conftest import REFERENCE, UWV


def folders(landing):
    return FoldersResource(
        landing=str(landing),
        reference=str(REFERENCE),
        exports="unused",
        expectations="unused",
        data_docs="unused",
        report="unused",
    )


def evaluate(landing, cursor):
    context = dg.build_sensor_context(cursor=cursor, resources={"folders": folders(landing)})
    result = landing_sensor(context)
    return result.run_requests, result.cursor


def test_sensor_requests_one_run_per_new_file_and_none_for_the_same_bytes(tmp_path):
    landing = tmp_path / "landing"
    (landing / "uwv").mkdir(parents=True)
    sample = UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv"
    shutil.copyfile(sample, landing / "uwv" / sample.name)

    requests, cursor = evaluate(landing, None)
    assert [(r.partition_key, r.run_key) for r in requests] == [
        ("2019Q3", hashlib.sha256(sample.read_bytes()).hexdigest())
    ]

    requests, cursor = evaluate(landing, cursor)
    assert requests == []

    (landing / "uwv" / "copy").mkdir()
    shutil.copyfile(sample, landing / "uwv" / "copy" / sample.name)  # same bytes elsewhere
    (landing / "uwv" / sample.name).touch()  # touched, bytes unchanged
    requests, cursor = evaluate(landing, cursor)
    assert requests == []

    revised = UWV / "UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv"
    shutil.copyfile(revised, landing / "uwv" / revised.name)
    requests, cursor = evaluate(landing, cursor)
    assert [r.partition_key for r in requests] == ["2020Q2"]


def test_schedule_targets_the_most_recently_published_quarter():
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2024, 4, 16, 6, 0))
    request = quarterly_schedule(context)
    assert request.partition_key == "2023Q4"
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2020, 1, 16, 6, 0))
    assert quarterly_schedule(context).partition_key == "2019Q3"


def test_partition_keys_are_quarters_up_to_the_current_one():
    keys = quarterly_partitions(dt.date(2024, 5, 1)).get_partition_keys()
    assert keys[0] == "2015Q4"
    assert keys[-1] == "2024Q2"
    assert "2019Q3" in keys and len(keys) == 35


def test_dagster_definitions_validate():
    """What `dagster definitions validate -w workspace.yaml` checks, in process (the CLI costs a
    second Python start; `make` users run the CLI itself, see the README)."""
    from banen_pipeline.definitions import defs

    dg.Definitions.validate_loadable(defs)
    assert {job.name for job in defs.resolve_all_job_defs()} >= {"banen_job"}
    assert (PROJECT_ROOT / "workspace.yaml").read_text().count("banen_pipeline.definitions") == 1
