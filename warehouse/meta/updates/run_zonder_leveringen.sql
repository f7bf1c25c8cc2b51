-- A run that ended before its delivery step recorded it (failed early, or selected no deliveries).
INSERT INTO meta.runs (run_id, herkomst, begin, einde, status, kwartalen, fout)
VALUES ($run_id, $herkomst, $begin, $einde, $status, $kwartalen, $fout)
