-- Forget a run's row (before it is written again).
DELETE FROM meta.runs WHERE run_id = $run_id
