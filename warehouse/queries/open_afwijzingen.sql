-- Read-only: a supplier's rejected deliveries that no later accepted delivery of the same quarter
-- cleared, plus those without a quarter (an unreadable name) seen in this run.
-- plaats is NULL for the whole file or a value rule; regel is NULL only on rows recorded before the
-- column existed, and their reden is the rule with its place.
SELECT a.bestand, a.periode, a.plaats, coalesce(a.regel, a.reden) AS regel
FROM meta.leveringen AS a
WHERE a.bron = $bron AND a.status = 'afgewezen'
  AND CASE
      WHEN a.periode IS NULL THEN a.run_id = $run_id
      ELSE NOT EXISTS (
          SELECT 1 FROM meta.leveringen AS g
          WHERE g.bron = a.bron AND g.periode = a.periode AND g.status = 'geladen' AND g.gezien_op > a.gezien_op
      )
  END
ORDER BY a.gezien_op, a.bestand
