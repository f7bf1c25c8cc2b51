-- Report, question 1: the 13 sectors in one year ($jaar), with the year before and every figure printed
-- for the sector that year; government and the market from the official measure.
WITH gedrukt AS (
    SELECT sector_naam AS sector, jaar,
           max(waarde) FILTER (WHERE maat = 'taakstelling_banen') AS gep_taakstelling,
           max(waarde) FILTER (WHERE maat = 'realisatie_banen') AS gep_realisatie,
           max(waarde) FILTER (WHERE maat = 'realisatie_pct') AS gep_pct,
           any_value(bron_url) AS bron_url
    FROM referentie.gepubliceerd_sectoren
    WHERE kwartaalnummer = 4
    GROUP BY ALL
),
officieel AS (
    SELECT jaar, segment, waarde, herkomst, afleiding, bron_url FROM marts.officiele_meting WHERE kwartaal IS NULL
)
SELECT s.sector, s.niveau, s.taakstelling,
       coalesce(o.waarde, s.realisatie) AS realisatie,
       round(100.0 * coalesce(o.waarde, s.realisatie) / s.taakstelling, 1) AS realisatie_pct,
       greatest(s.taakstelling - coalesce(o.waarde, s.realisatie), 0) AS tekort,
       coalesce(o.waarde, s.realisatie) - coalesce(ov.waarde, v.realisatie) AS verandering,
       CASE WHEN s.niveau = 'sector' THEN s.herkomst ELSE coalesce(o.herkomst, s.herkomst) END AS herkomst,
       o.afleiding,
       g.gep_taakstelling, g.gep_realisatie, g.gep_pct,
       coalesce(g.bron_url, CASE WHEN o.herkomst IS NOT NULL THEN o.bron_url END) AS bron_url
FROM marts.realisatie_sector AS s
LEFT JOIN marts.realisatie_sector AS v ON v.sector = s.sector AND v.jaar = s.jaar - 1
LEFT JOIN officieel AS o ON o.jaar = s.jaar AND o.segment = s.niveau
LEFT JOIN officieel AS ov ON ov.jaar = s.jaar - 1 AND ov.segment = s.niveau
LEFT JOIN gedrukt AS g ON g.sector = s.sector AND g.jaar = s.jaar
WHERE s.jaar = $jaar
ORDER BY CASE s.niveau WHEN 'sector' THEN 0 WHEN 'overheid' THEN 1 ELSE 2 END, realisatie_pct
