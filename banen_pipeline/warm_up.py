"""Starting a run's worker process (:mod:`banen_pipeline.worker`) with the imports it will need:
Great Expectations first, for the deliveries' validation; statsmodels and matplotlib after the first
call is answered, for the fits and the report's charts. ``banen run`` does it before it imports
Dagster, and a run Dagster launches does it as its delivery step starts, so the imports overlap with
the loads instead of waiting in front of the first validation."""

from __future__ import annotations

from .validation import Validator


def start_worker(validator: Validator) -> None:
    """Start the process-wide worker with the run's imports (nothing when it is running already)."""
    from . import projections, report, worker

    worker.shared().start(validator.warm_up(), later=(projections.import_libraries, report.import_libraries))
