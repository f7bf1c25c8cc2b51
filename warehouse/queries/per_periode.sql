-- Read-only: what the warehouse holds of one supplier ($bron) per period among $perioden: this run's
-- files ($run_id) with their status, the current file (latest publication, then file name, as the
-- version rules order them) and the number of loaded versions. For the metadata of each partition's
-- materialization (banen_pipeline/defs/assets.py).
SELECT p.periode,
       coalesce(list(l.bestand || ': ' || l.status ORDER BY l.bestand) FILTER (WHERE l.run_id = $run_id), [])
           AS deze_run,
       arg_max(l.bestand, coalesce(CAST(l.publicatiedatum AS VARCHAR), '') || l.bestand)
           FILTER (WHERE l.status = 'geladen') AS actueel,
       count(*) FILTER (WHERE l.status = 'geladen') AS versies
FROM unnest(CAST($perioden AS VARCHAR[])) AS p(periode)
LEFT JOIN meta.leveringen AS l ON l.bron = $bron AND l.periode = p.periode
GROUP BY p.periode
ORDER BY p.periode
