"""Sensors. On the landing folder: one run for everything new in it, over the quarters of those
files. On runs: each finished or failed run is recorded in ``meta.runs`` and, when configured,
reported (a failure, or a rejected delivery).

The warehouse, not the sensor's cursor, remembers what arrived: a file whose sha256 is in
``meta.leveringen`` (loaded, rejected or a double) is not new, so turning the sensor on over a folder
that was loaded already starts no run, whatever the cursor. Files that land together (before one
tick) start one run for the range of their quarters (the tags ``banen/kwartaal_van`` and ``_tot``);
its run key is a digest of their hashes, so the same bytes never start a second run while the first
is queued. The cursor holds only that key.
"""

import dataclasses
import hashlib
import time
from pathlib import Path

import dagster as dg
import duckdb

from .. import runs
from ..config import Settings
from ..db import WarehouseBusy, WarehouseDamaged, sql_text
from ..deliveries import scan_landing
from ..notifications import Message
from .jobs import banen_job
from .partitions import quarterly
from .resources import FoldersResource, NotifyResource, WarehouseResource

DESCRIPTION = (
    "Starts one run for the files in the landing folder that the warehouse has not seen (by sha256 in "
    "meta.leveringen), over the range of their quarters. A folder that was loaded already starts nothing."
)


def _seen(warehouse: WarehouseResource) -> set[str] | None:
    """The sha256 of every delivery the warehouse recorded; None when it cannot say now (a run is
    writing to it, or the file is damaged). It reads under the writer lock (``brief_reader``), so
    a step never finds the file held by the sensor."""
    store = warehouse.warehouse
    if not store.ducklake and not store.path.exists():
        return set()
    try:
        with store.brief_reader() as con:
            return {sha for (sha,) in con.execute("SELECT sha256 FROM meta.leveringen").fetchall()}
    except (WarehouseBusy, WarehouseDamaged, duckdb.CatalogException):
        return None


def landing_sensor_every(seconds: int) -> dg.SensorDefinition:
    """The landing sensor, ticking every ``seconds`` (the setting ``sensor_interval``)."""

    @dg.sensor(
        name="landing_sensor",
        job=banen_job,
        minimum_interval_seconds=seconds,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description=DESCRIPTION,
    )
    def _sensor(
        context: dg.SensorEvaluationContext, folders: FoldersResource, warehouse: WarehouseResource
    ) -> dg.SensorResult | dg.SkipReason:
        return _landing_tick(context, folders, warehouse)

    return _sensor


def _landing_tick(
    context: dg.SensorEvaluationContext, folders: FoldersResource, warehouse: WarehouseResource
) -> dg.SensorResult | dg.SkipReason:
    seen = _seen(warehouse)
    if seen is None:
        return dg.SkipReason(
            "The warehouse cannot be read now (a run is writing to it, or it is damaged); the next tick "
            "looks again."
        )
    keys = set(quarterly.get_partition_keys())
    new = [landed for landed in scan_landing(folders.landing_dir) if landed.sha256 not in seen]
    quarters = sorted({landed.partition for landed in new if landed.partition in keys})
    unplaced = [landed.bestand for landed in new if landed.partition not in keys]
    if unplaced:
        context.log.warning(
            f"No quarter for {', '.join(unplaced)}: not a known delivery name, or outside the partitions. "
            "The next run records unknown names as afgewezen."
        )
    if not quarters:
        return dg.SkipReason("Nothing new in the landing folder.")
    run_key = hashlib.sha256("\n".join(sorted({f.sha256 for f in new})).encode()).hexdigest()
    if run_key == context.cursor:
        return dg.SkipReason("The new files were requested already; their run has not loaded them yet.")
    request = dg.RunRequest(
        run_key=run_key,
        tags=runs.range_tags(quarters[0], quarters[-1]) | {"banen/nieuwe_bestanden": str(len(new))},
    )
    return dg.SensorResult(run_requests=[request], cursor=run_key)


landing_sensor = landing_sensor_every(Settings.sensor_interval)
"""The landing sensor at the default interval (the code location builds it from the settings)."""


# The run status sensors below watch every run of this code location's definitions: banen_job (the
# sensor, the schedule, banen run on a DAGSTER_HOME) and Dagster's own __ASSET_JOB, which the UI's
# Materialize all runs, and also the runs `dagster asset materialize` and `dagster job execute` run in
# their own process. Dagster matches those (no remote origin) only with monitor_all_code_locations,
# so the sensors take every run of the instance and keep those of these definitions (_ours).
DEFINITIONS_MODULE = "banen_pipeline.definitions"
DEFINITIONS_FILE = Path(__file__).resolve().parents[1] / "definitions.py"
SENSOR_LOCK_TIMEOUT_S = 20.0
"""How long a run status sensor waits for the warehouse writer (a run in progress holds it); past
that the tick fails and the same event is handled at the next tick."""


def _ours(run: dg.DagsterRun) -> bool:
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


def _record_end(context: dg.RunStatusSensorContext, warehouse: WarehouseResource, succeeded: bool) -> None:
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
        )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=10,
    monitor_all_code_locations=True,  # to see runs executed in their own process; _ours keeps ours
    description="Records each finished run in meta.runs (whoever started it), and sends a message when "
    "it rejected a delivery (BANEN_NOTIFY_WEBHOOK or BANEN_NOTIFY_SMTP; off by default).",
)
def run_succeeded(context: dg.RunStatusSensorContext, warehouse: WarehouseResource, notify: NotifyResource):
    run = context.dagster_run
    if not _ours(run):
        return
    _record_end(context, warehouse, succeeded=True)
    if not run.tags.get("banen/afgewezen") or not notify.notifier.enabled:
        return
    with warehouse.warehouse.brief_reader() as con:
        rejected = con.execute(sql_text("queries/afwijzingen_van_run"), {"run_id": run.run_id}).fetchall()
    sent = notify.notifier.send(
        Message(
            onderwerp=f"banen: {len(rejected)} delivery(ies) rejected",
            tekst=f"Run {run.run_id} ({_origin(run)}) rejected {len(rejected)} delivery(ies); "
            "nothing of them was loaded.",
            run_id=run.run_id,
            soort="levering_afgewezen",
            details=[reden or bestand for bestand, reden in rejected],
        )
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
    if not _ours(context.dagster_run):
        return
    try:
        _record_end(context, warehouse, succeeded=False)
    except (WarehouseBusy, WarehouseDamaged) as exc:  # the message matters more than the record
        context.log.warning(f"run not recorded in meta.runs: {exc}")
    if not notify.notifier.enabled:
        return
    run = context.dagster_run
    failures = context.get_step_failure_events()
    sent = notify.notifier.send(
        Message(
            onderwerp=f"banen: run failed ({_origin(run)})",
            tekst=f"Run {run.run_id} failed: {context.failure_event.message}",
            run_id=run.run_id,
            soort="run_mislukt",
            details=[
                f"{e.step_key}: {_root_cause(e.event_specific_data.error)}"
                for e in failures
                if e.event_specific_data and e.event_specific_data.error
            ]
            or [e.step_key for e in failures],
        )
    )
    context.log.info(f"failure reported to {', '.join(sent)}")


def _root_cause(error) -> str:
    """The innermost error of a step failure (Dagster wraps the user's error in its own)."""
    while error.cause is not None:
        error = error.cause
    return error.message.strip()
