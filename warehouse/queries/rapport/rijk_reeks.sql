-- Report, question 1: Totaal Rijk per quarter against the target of its year, with the figures printed
-- for that quarter. ons_*: ours for the printed figures, from the monitor, else (a fourth quarter before
-- the monitor began) from the Rijk's yearly sector report, as marts.reconciliatie compares them; reden_*:
-- why a printed figure differs, where its source says (referentie.gepubliceerd_sectoren.reden_verschil).
WITH gedrukt AS (
    SELECT kwartaal,
           max(waarde) FILTER (WHERE maat = 'taakstelling_banen') AS gep_taakstelling,
           max(waarde) FILTER (WHERE maat = 'realisatie_banen') AS gep_realisatie,
           max(waarde) FILTER (WHERE maat = 'realisatie_pct') AS gep_pct,
           max(reden_verschil) FILTER (WHERE maat = 'taakstelling_banen') AS reden_taakstelling,
           max(reden_verschil_en) FILTER (WHERE maat = 'taakstelling_banen') AS reden_taakstelling_en,
           max(reden_verschil) FILTER (WHERE maat = 'realisatie_banen') AS reden_realisatie,
           max(reden_verschil_en) FILTER (WHERE maat = 'realisatie_banen') AS reden_realisatie_en,
           max(reden_verschil) FILTER (WHERE maat = 'realisatie_pct') AS reden_pct,
           max(reden_verschil_en) FILTER (WHERE maat = 'realisatie_pct') AS reden_pct_en,
           any_value(bron_url) AS bron_url
    FROM referentie.gepubliceerd_sectoren
    WHERE sector = 'Rijk'
    GROUP BY kwartaal
)
SELECT coalesce(r.kwartaal, g.kwartaal) AS kwartaal, r.taakstelling, r.realisatie, r.realisatie_pct, r.herkomst,
       coalesce(r.taakstelling, s.taakstelling) AS ons_taakstelling,
       coalesce(r.realisatie, s.realisatie) AS ons_realisatie,
       coalesce(r.realisatie_pct, s.realisatie_pct) AS ons_pct,
       g.gep_taakstelling, g.gep_realisatie, g.gep_pct, g.bron_url,
       g.reden_taakstelling, g.reden_taakstelling_en, g.reden_realisatie, g.reden_realisatie_en,
       g.reden_pct, g.reden_pct_en
FROM (SELECT * FROM marts.realisatie_rijk WHERE is_totaal) AS r
FULL JOIN gedrukt AS g ON g.kwartaal = r.kwartaal
LEFT JOIN marts.realisatie_sector AS s
    ON s.sector = 'Rijk' AND s.jaar || 'Q4' = coalesce(r.kwartaal, g.kwartaal)
ORDER BY kwartaal
