"""Quarterly schedule: on the 16th of January, April, July and October, load the quarter UWV has
just published (about 3.5 months after it ended). When it has not arrived, the run's check
``levering_op_tijd`` warns.

What its run builds is decided as for ``banen run``, from what changed (``lineage.rebuild``): the
suppliers of files the warehouse has not seen, and the assets and checks whose inputs differ from
what this Dagster instance recorded when they last ran (``lineage.recorded_changes``: code versions,
suite digests, the reference facts' data version). With nothing changed it runs the delivery step
alone, which then finds nothing new."""

import dagster as dg

from .. import lineage, runs
from ..quarters import latest_published_quarter
from .deliveries import GEWIJZIGD_TAG
from .jobs import banen_job
from .landing_sensor import new_files
from .resources import FoldersResource, WarehouseResource
from .tables import LEVERINGEN, REFERENTIE


@dg.schedule(
    job=banen_job,
    cron_schedule="0 6 16 1,4,7,10 *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="On the 16th of January, April, July and October at 06:00 (Amsterdam): load the quarter UWV "
    "has just published; warns (levering_op_tijd) when it has not arrived; rebuilds what changed since the "
    "assets last ran (new files, code, suites, reference facts) and nothing after the delivery step when "
    "nothing did.",
)
def quarterly_schedule(
    context: dg.ScheduleEvaluationContext, folders: FoldersResource, warehouse: WarehouseResource
) -> dg.RunRequest:
    quarter = str(latest_published_quarter(context.scheduled_execution_time.date()))
    tags = runs.range_tags(quarter, quarter)
    changed = lineage.recorded_changes(context.instance, folders.expectations_dir, folders.reference_dir)
    keys = changed | {lineage.LANDING + f.bron for f in new_files(folders, warehouse) or []}
    if changed:
        tags |= {GEWIJZIGD_TAG: ", ".join(sorted(lineage.label(k) for k in changed))[:250]}
    selection = lineage.rebuild(context.repository_def.asset_graph, keys)
    if selection is None:  # the delivery step's code changed: everything
        return dg.RunRequest(run_key=f"schedule-{quarter}", tags=tags)
    assets, checks = selection
    return dg.RunRequest(
        run_key=f"schedule-{quarter}",
        asset_selection=sorted(set(assets) | {REFERENTIE, LEVERINGEN}),
        asset_check_keys=sorted(checks),
        tags=tags,
    )
