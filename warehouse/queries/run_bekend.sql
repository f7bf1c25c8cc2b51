-- Read-only: whether meta.runs has a row for a run ($run_id) already (banen_pipeline/runs.py).
SELECT count(*) FROM meta.runs WHERE run_id = $run_id
