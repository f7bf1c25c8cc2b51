-- Read-only: the latest revisions by UWV, one row per re-delivered quarter and pair of versions (banen status).
SELECT kwartaal, oude_versie, nieuwe_versie, oud_bestand, nieuw_bestand,
       oude_publicatiedatum, nieuwe_publicatiedatum,
       count(*) FILTER (WHERE verschil <> 0) AS veranderd,
       count(*) AS cijfers,
       any_value([oude_waarde, nieuwe_waarde]) FILTER (WHERE regiocode = 'NL' AND maat = 'extra_banen_totaal') AS nl
FROM marts.revisies
GROUP BY ALL
ORDER BY nieuwe_publicatiedatum DESC, kwartaal DESC
LIMIT 5
