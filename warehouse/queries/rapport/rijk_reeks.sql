-- Report, question 1: Totaal Rijk per quarter against the target of its year, with the figures printed
-- for that quarter.
WITH gedrukt AS (
    SELECT kwartaal,
           max(waarde) FILTER (WHERE maat = 'taakstelling_banen') AS gep_taakstelling,
           max(waarde) FILTER (WHERE maat = 'realisatie_banen') AS gep_realisatie,
           max(waarde) FILTER (WHERE maat = 'realisatie_pct') AS gep_pct,
           any_value(bron_url) AS bron_url
    FROM referentie.gepubliceerd_sectoren
    WHERE sector = 'Rijk'
    GROUP BY kwartaal
)
SELECT coalesce(r.kwartaal, g.kwartaal) AS kwartaal, r.taakstelling, r.realisatie, r.realisatie_pct,
       g.gep_taakstelling, g.gep_realisatie, g.gep_pct, g.bron_url
FROM (SELECT * FROM marts.realisatie_rijk WHERE is_totaal) AS r
FULL JOIN gedrukt AS g ON g.kwartaal = r.kwartaal
ORDER BY kwartaal
