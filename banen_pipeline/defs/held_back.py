"""A failed check holds back only what reads the asset it checks.

A blocking check that fails stops its Dagster run: no step after it starts, also none that reads
nothing the check checks (the analyses are one step, and publish reads every mart). So a run of what
passed follows it: it builds what the stopped run was asked for and did not build, apart from what
reads a failed asset, and publishes; publish leaves out, and names, what is held back
(``marts.held_back``). The sensor below starts that run for a run Dagster started; ``banen run`` runs
it itself (``pipeline.py``), by the same rule, :func:`what_passed`.
"""

from collections.abc import Iterable

import dagster as dg

from .. import lineage, runs
from .jobs import banen_job
from .run_sensors import ours

FOLLOWS_TAG = "banen/na_run"
"""On a run of what passed: the id of the run whose failed checks it follows."""
CHECK_FAILED = "DagsterAssetCheckFailedError"
"""The error a step fails with when a blocking check it ran failed."""


def failed_and_built(events: Iterable[dg.DagsterEvent]) -> tuple[set[dg.AssetKey], set[dg.AssetKey]]:
    """From a run's events: the assets whose blocking check failed with severity ERROR, and the
    assets it materialized. No failed assets when a step failed for another reason: that run's
    cause is not a check, and a run of what passed would only fail again."""
    failed, built, other_failure = set(), set(), False
    for event in events:
        data = event.event_specific_data
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            if data.blocking and not data.passed and data.severity == dg.AssetCheckSeverity.ERROR:
                failed.add(data.asset_key)
        elif event.event_type_value == "ASSET_MATERIALIZATION":
            built.add(event.asset_key)
        elif event.event_type_value == "STEP_FAILURE":
            other_failure |= data is None or data.error is None or data.error.cls_name != CHECK_FAILED
    return (set() if other_failure else failed), built


def what_passed(graph, selected: Iterable[dg.AssetKey], built: set[dg.AssetKey], failed: set[dg.AssetKey]):
    """The run that follows a run stopped by the failed checks of ``failed``: what it ``selected`` and
    did not build, apart from what reads a failed asset, and everything published; the checks of what
    it builds. None when no check failed. Returns (asset keys, check keys)."""
    if not failed:
        return None
    published = {dg.AssetKey.from_user_string(k) for k in lineage.PUBLISHED}
    held = dg.AssetSelection.assets(*failed).downstream().resolve(graph)
    assets = (set(selected) - built - held) | published
    checks = {key for key in graph.asset_check_keys if key.asset_key in assets - published}
    return frozenset(assets), frozenset(checks)


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.FAILURE,
    request_job=banen_job,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=10,
    monitor_all_code_locations=True,  # the UI's Materialize all runs Dagster's own asset job
    description="After a run a failed blocking check stopped: starts the run of what passed, which "
    "builds what reads no failed asset and publishes the exports, report and data docs, naming what "
    "was held back. banen run does the same itself.",
)
def publish_what_passed(context: dg.RunStatusSensorContext):
    run = context.dagster_run
    if not ours(run) or runs.notified_by_banen_run(run.tags):
        return None
    events = [entry.dagster_event for entry in context.instance.all_logs(run.run_id) if entry.dagster_event]
    failed, built = failed_and_built(events)
    graph = context.repository_def.asset_graph
    follow = what_passed(graph, run.asset_selection or graph.executable_asset_keys, built, failed)
    if follow is None:
        return dg.SkipReason(f"run {run.run_id[:8]} did not stop at a failed check")
    assets, checks = follow
    return dg.RunRequest(
        run_key=f"{FOLLOWS_TAG}/{run.run_id}",
        asset_selection=sorted(assets, key=dg.AssetKey.to_user_string),
        asset_check_keys=sorted(checks, key=lambda k: k.to_user_string()),
        tags={
            FOLLOWS_TAG: run.run_id,
            "banen/tegengehouden": ", ".join(sorted(k.to_user_string() for k in failed)),
        },
    )
