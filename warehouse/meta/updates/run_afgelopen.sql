-- A run ended: its status and end time (banen_pipeline/runs.py).
UPDATE meta.runs SET status = $status, einde = $einde WHERE run_id = $run_id
