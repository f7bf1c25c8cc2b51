-- Report, revisions: per re-delivered quarter and pair of versions, the national figures that changed
-- and how many regions changed.
SELECT kwartaal, oude_versie, nieuwe_versie, oud_bestand, nieuw_bestand, nieuwe_publicatiedatum, maat,
       max(oude_waarde) FILTER (WHERE regiocode = 'NL') AS oude_waarde,
       max(nieuwe_waarde) FILTER (WHERE regiocode = 'NL') AS nieuwe_waarde,
       max(verschil) FILTER (WHERE regiocode = 'NL') AS verschil,
       count(DISTINCT regiocode) FILTER (WHERE regiocode <> 'NL' AND verschil <> 0) AS regios
FROM marts.revisies
GROUP BY ALL
HAVING bool_or(verschil <> 0)
ORDER BY kwartaal, nieuwe_versie, maat
