-- A run ended: its status and end time (banen_pipeline/runs.py). Returns the rows it updated.
UPDATE meta.runs SET status = $status, einde = $einde WHERE run_id = $run_id
RETURNING run_id
