"""The code location: ``dg dev``, ``dagster dev -w workspace.yaml`` and ``banen run`` all load these
definitions. Everything in ``defs/`` is found by Dagster's autoloading (one concern per module);
this file adds what comes from the settings (the resources, and the landing sensor, whose interval
is a setting) and the in-process executor (DuckDB has one writer; a subprocess per step only adds
seconds).

Loading must stay light: nothing here imports great_expectations, statsmodels or scipy (they import
in the worker process when a run needs them).
"""

from pathlib import Path

import dagster as dg

from .config import Settings
from .defs.landing_sensor import landing_sensor_every
from .defs.resources import resources_from


def build_defs(settings: Settings) -> dg.Definitions:
    """The definitions with the resources of ``settings``."""
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(
            resources=resources_from(settings),
            sensors=[landing_sensor_every(settings.sensor_interval)],
            executor=dg.in_process_executor,
        ),
    )


@dg.definitions
def defs() -> dg.Definitions:
    """The definitions with the settings of this process's environment."""
    return build_defs(Settings.from_env())
