-- A run ended: its status, end time and why it failed (banen_pipeline/runs.py); its begin is the
-- earlier of the first delivery step's and the run's own start, so that its duration is the run's.
UPDATE meta.runs
SET status = $status, einde = $einde, fout = $fout, begin = least(begin, coalesce($begin, begin))
WHERE run_id = $run_id
