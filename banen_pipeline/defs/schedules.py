"""Quarterly schedule: on the 16th of January, April, July and October, load the quarter UWV has
just published (about 3.5 months after it ended). When it has not arrived, the run's check
``levering_op_tijd`` warns."""

import dagster as dg

from .. import runs
from ..quarters import latest_published_quarter
from .jobs import banen_job


@dg.schedule(
    job=banen_job,
    cron_schedule="0 6 16 1,4,7,10 *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="On the 16th of January, April, July and October at 06:00 (Amsterdam): load the quarter UWV "
    "has just published; warns (levering_op_tijd) when it has not arrived; builds nothing after the delivery "
    "step when nothing new was loaded.",
)
def quarterly_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    quarter = latest_published_quarter(context.scheduled_execution_time.date())
    return dg.RunRequest(run_key=f"schedule-{quarter}", tags=runs.range_tags(str(quarter), str(quarter)))
