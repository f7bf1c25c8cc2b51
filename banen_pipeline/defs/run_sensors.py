"""The run status sensors: each finished or failed run is recorded in ``meta.runs`` and, when
configured, reported (a failure, or a rejected delivery)."""

import dataclasses
import time
from pathlib import Path

import dagster as dg

from .. import runs
from ..db import WarehouseBusy, WarehouseDamaged, sql_text
from ..failures import describe
from ..notifications import failure_message, rejection_message
from .resources import NotifyResource, WarehouseResource

# The run status sensors below watch every run of this code location's definitions: banen_job (the
# sensor, the schedule, banen run on a DAGSTER_HOME) and Dagster's own __ASSET_JOB, which the UI's
# Materialize all runs, and also the runs `dagster asset materialize` and `dagster job execute` run in
# their own process. Dagster matches those (no remote origin) only with monitor_all_code_locations,
# so the sensors take every run of the instance and keep those of these definitions (ours).
DEFINITIONS_MODULE = "banen_pipeline.definitions"
DEFINITIONS_FILE = Path(__file__).resolve().parents[1] / "definitions.py"
SENSOR_LOCK_TIMEOUT_S = 20.0
"""How long a run status sensor waits for the warehouse writer (a run in progress holds it); past
that the tick fails and the same event is handled at the next tick."""


def ours(run: dg.DagsterRun) -> bool:
    """Whether a run ran these definitions (by the code pointer its code origin holds: the module
    ``banen_pipeline.definitions`` or its file). A run without a code origin was executed in
    process (``banen run``, a test): it is ours."""
    if run.job_code_origin is None:
        return True
    pointer = run.job_code_origin.repository_origin.code_pointer
    if getattr(pointer, "module", None) == DEFINITIONS_MODULE:
        return True
    python_file = getattr(pointer, "python_file", None)
    return python_file is not None and Path(python_file).resolve() == DEFINITIONS_FILE


def _origin(run: dg.DagsterRun) -> str:
    return runs.origin(run.tags, runs.launched(run))


def _record_end(
    context: dg.RunStatusSensorContext, warehouse: WarehouseResource, succeeded: bool, fout: list[str] = ()
) -> None:
    run = context.dagster_run
    record = context.instance.get_run_record_by_id(run.run_id)
    store = dataclasses.replace(warehouse.warehouse, lock_timeout_s=SENSOR_LOCK_TIMEOUT_S)
    with store.writer() as con:
        store.init_schema(con)
        runs.record_end(
            con,
            run.run_id,
            run.tags,
            succeeded,
            runs.utc(record.start_time if record else None),
            runs.utc(record.end_time if record and record.end_time else time.time()),
            launched=runs.launched(run),
            fout=fout,
        )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=10,
    monitor_all_code_locations=True,  # to see runs executed in their own process; ours keeps ours
    description="Records each finished run in meta.runs (whoever started it), and sends a message when "
    "it rejected a delivery (BANEN_NOTIFY_WEBHOOK or BANEN_NOTIFY_SMTP; off by default).",
)
def run_succeeded(context: dg.RunStatusSensorContext, warehouse: WarehouseResource, notify: NotifyResource):
    run = context.dagster_run
    if not ours(run):
        return
    _record_end(context, warehouse, succeeded=True)
    if (
        not run.tags.get("banen/afgewezen")
        or not notify.notifier.enabled
        or runs.notified_by_banen_run(run.tags)
    ):
        return
    with warehouse.warehouse.brief_reader() as con:
        rejected = con.execute(sql_text("queries/afwijzingen_van_run"), {"run_id": run.run_id}).fetchall()
    sent = notify.notifier.send(
        rejection_message(run.run_id, _origin(run), [reden or bestand for bestand, reden in rejected])
    )
    context.log.info(f"rejection reported to {', '.join(sent)}")


@dg.run_failure_sensor(
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=10,
    monitor_all_code_locations=True,
    description="Records each failed run in meta.runs, and sends a message (BANEN_NOTIFY_WEBHOOK or "
    "BANEN_NOTIFY_SMTP; off by default).",
)
def run_failed(context: dg.RunFailureSensorContext, warehouse: WarehouseResource, notify: NotifyResource):
    run = context.dagster_run
    if not ours(run):
        return
    causes = [
        describe(e.step_key, e.event_specific_data.error).line
        if e.event_specific_data and e.event_specific_data.error
        else e.step_key
        for e in context.get_step_failure_events()
    ] or [context.failure_event.message or "failed"]
    try:
        _record_end(context, warehouse, succeeded=False, fout=causes)
    except (WarehouseBusy, WarehouseDamaged) as exc:  # the message matters more than the record
        context.log.warning(f"run not recorded in meta.runs: {exc}")
    if not notify.notifier.enabled or runs.notified_by_banen_run(run.tags):
        return
    sent = notify.notifier.send(failure_message(run.run_id, _origin(run), causes))
    context.log.info(f"failure reported to {', '.join(sent)}")
