-- Read-only: the last runs (banen status), one short line each.
SELECT left(run_id, 8) AS run,
       herkomst,
       strftime(begin, '%Y-%m-%d %H:%M:%S') AS gestart,
       CAST(round(epoch(einde - begin)) AS INTEGER) || ' s' AS duur,
       status,
       coalesce(kwartalen, 'alle') AS kwartalen,
       coalesce(nullif(concat_ws(', ',
           CASE WHEN geladen > 0 THEN geladen || ' geladen' END,
           CASE WHEN afgewezen > 0 THEN afgewezen || ' afgewezen' END,
           CASE WHEN dubbel > 0 THEN dubbel || ' dubbel' END,
           CASE WHEN al_gezien > 0 THEN al_gezien || ' al gezien' END), ''), 'geen') AS leveringen,
       coalesce(fout, '') AS fout
FROM meta.runs
ORDER BY begin DESC NULLS LAST
LIMIT $aantal
