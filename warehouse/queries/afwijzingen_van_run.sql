-- Read-only: the deliveries a run ($run_id) rejected, with the reason (the notification of a rejection).
SELECT bestand, reden
FROM meta.leveringen
WHERE run_id = $run_id AND status = 'afgewezen'
ORDER BY bestand
