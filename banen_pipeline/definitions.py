"""The code location: ``dagster dev -w workspace.yaml`` and ``banen run`` both load these definitions.

Loading must stay light: nothing here imports great_expectations or statsmodels (they import in the
worker process when a run needs them).
"""

import dagster as dg

from .config import Settings
from .defs.asset_checks import CHECKS
from .defs.assets import ASSETS
from .defs.jobs import banen_job
from .defs.resources import resources_from
from .defs.schedules import quarterly_schedule
from .defs.sensors import landing_sensor_every, run_failed, run_succeeded


def build_defs(settings: Settings) -> dg.Definitions:
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        jobs=[banen_job],
        schedules=[quarterly_schedule],
        sensors=[landing_sensor_every(settings.sensor_interval), run_succeeded, run_failed],
        resources=resources_from(settings),
        executor=dg.in_process_executor,
    )


defs = build_defs(Settings.from_env())
