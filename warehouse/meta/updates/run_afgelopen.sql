-- A run ended: its status, end time and why it failed (banen_pipeline/runs.py).
UPDATE meta.runs SET status = $status, einde = $einde, fout = $fout WHERE run_id = $run_id
