-- A run's delivery step records it (banen_pipeline/runs.py); the row of an earlier attempt of the same
-- run was deleted first (meta/updates/run_vergeten.sql).
INSERT INTO meta.runs (run_id, herkomst, begin, status, kwartalen, geladen, afgewezen, dubbel, al_gezien)
VALUES ($run_id, $herkomst, $begin, 'bezig', $kwartalen, $geladen, $afgewezen, $dubbel, $al_gezien)
