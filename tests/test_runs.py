"""meta.runs and the messages about failed runs and rejected deliveries: the run status sensors
called on real runs, with a webhook receiver on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import dagster as dg
import duckdb
import pytest

from banen_pipeline import runs
from banen_pipeline.definitions import build_defs
from banen_pipeline.defs.resources import NotifyResource, resources_from
from banen_pipeline.defs.run_sensors import run_failed, run_succeeded
from banen_pipeline.notifications import Message, Notifier

from .conftest import UWV, settings_for


@pytest.fixture
def receiver():
    """An HTTP server on 127.0.0.1 that keeps every JSON body POSTed to it."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()


def test_the_webhook_receives_the_message_as_json(receiver):
    url, received = receiver
    message = Message("subject", "text", "run-1", "run_mislukt", ["step: boom"])
    assert Notifier(webhook=url).send(message) == [url]
    assert received == [message.__dict__]
    assert not Notifier().enabled and Notifier().send(message) == []  # off by default


def test_origin_of_a_run_from_its_tags():
    assert runs.origin({runs.CLI_TAG: "cli"}, launched=False) == "cli"
    assert runs.origin({"dagster/sensor_name": "landing_sensor"}, launched=True) == "sensor landing_sensor"
    assert (
        runs.origin({"dagster/schedule_name": "quarterly_schedule"}, launched=True)
        == "schedule quarterly_schedule"
    )
    assert runs.origin({}, launched=True) == "ui"
    assert runs.origin({}, launched=False) == "dagster cli"  # dagster asset materialize / job execute


def test_the_run_sensors_keep_the_runs_of_these_definitions_only():
    """They watch every run of the instance, to see the runs `dagster asset materialize` executes in
    its own process; a run of other code is left alone."""
    import sys

    from dagster._core.code_pointer import FileCodePointer, ModuleCodePointer
    from dagster._core.origin import JobPythonOrigin, RepositoryPythonOrigin

    from banen_pipeline.definitions import __file__ as definitions_file
    from banen_pipeline.defs.run_sensors import ours

    def run_of(pointer):
        origin = JobPythonOrigin("__ASSET_JOB", RepositoryPythonOrigin(sys.executable, pointer))
        return dg.DagsterRun(job_name="__ASSET_JOB", run_id="r", job_code_origin=origin)

    assert ours(run_of(ModuleCodePointer("banen_pipeline.definitions", "defs")))  # -m, workspace.yaml
    assert ours(run_of(FileCodePointer(definitions_file, "defs")))  # -f banen_pipeline/definitions.py
    assert not ours(run_of(ModuleCodePointer("someone_else.definitions", "defs")))
    assert not ours(run_of(FileCodePointer("/elsewhere/definitions.py", "defs")))
    assert ours(dg.DagsterRun(job_name="banen_job", run_id="r"))  # in process: banen run


def _run(settings, first, last):
    instance = dg.DagsterInstance.ephemeral()
    job = build_defs(settings).resolve_job_def("banen_job")
    result = job.execute_in_process(
        instance=instance,
        tags=runs.range_tags(first, last),
        raise_on_error=False,
    )
    return instance, result


def _sensor_context(instance, result, event_type, resources):
    event = next(e for e in result.all_events if e.event_type_value == event_type)
    return dg.build_run_status_sensor_context(
        sensor_name="test",
        dagster_event=event,
        dagster_instance=instance,
        dagster_run=instance.get_run_by_id(result.run_id),
        resources=resources,
    )


def _runs_table(settings) -> list[tuple]:
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return con.execute(
            "SELECT run_id, herkomst, status, geladen, afgewezen, al_gezien FROM meta.runs"
        ).fetchall()


def test_a_failed_run_is_recorded_and_reported(tmp_path, receiver):
    url, received = receiver
    settings = settings_for(tmp_path, UWV.parent).replace(reference=tmp_path / "no-such-folder")
    instance, result = _run(settings, "2019Q2", "2019Q2")
    assert not result.success
    resources = resources_from(settings) | {"notify": NotifyResource(webhook=url)}
    run_failed(_sensor_context(instance, result, "PIPELINE_FAILURE", resources))
    [message] = received
    assert message["soort"] == "run_mislukt" and message["run_id"] == result.run_id
    assert any(d.startswith("referentie__tabellen:") and "no-such-folder" in d for d in message["details"])
    assert _runs_table(settings) == [(result.run_id, "dagster cli", "mislukt", 0, 0, 0)]


def test_a_rejected_delivery_is_reported_and_every_run_recorded_once(tmp_path, landing, receiver):
    from .broken import csv_text_in_number

    url, received = receiver
    broken = "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
    good = "UWV_Trendrapportage_Banenafspraak_2019K3.csv"
    settings = settings_for(
        tmp_path, landing(**{broken: csv_text_in_number(), good: (UWV / good).read_bytes()})
    )
    instance, result = _run(settings, "2019Q2", "2019Q3")
    assert result.success
    resources = resources_from(settings) | {"notify": NotifyResource(webhook=url)}
    context = _sensor_context(instance, result, "PIPELINE_SUCCESS", resources)
    run_succeeded(context)
    run_succeeded(context)  # a second report of the same run (e.g. banen run on the daemon's home)
    assert [m["soort"] for m in received] == ["levering_afgewezen"] * 2
    assert (
        f"{broken} line 14: 'n.b.' in column 'Extra banen regulier markt' is not a number"
        in received[0]["details"]
    )
    assert _runs_table(settings) == [(result.run_id, "dagster cli", "geslaagd", 1, 1, 0)]
