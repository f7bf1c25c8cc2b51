"""Dagster's definitions, autoloaded (``dg.load_from_defs_folder``): every asset, check, job,
schedule and sensor a module of this folder holds at its top level. One concern per module, in the
order the data flows: reference, deliveries and staging, staging checks, marts, mart checks,
publish; then the job, the schedule and the sensors."""
