"""The one job: every asset, run in process (DuckDB has one writer; subprocesses only add seconds)."""

import dagster as dg

banen_job = dg.define_asset_job(
    "banen_job",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Load new deliveries (of the quarters in the tags banen/kwartaal_van and _tot; without "
    "them, every quarter), validate, rebuild marts and exports.",
)
