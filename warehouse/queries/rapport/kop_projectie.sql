-- Report, headline per segment ($segment): the projection at the first target quarter ($eerste) and
-- the chance of reaching the final target by then and by the second ($tweede).
SELECT p.verwacht, p.ondergrens_95, p.bovengrens_95, d.doel, p.kwartaal_doel_bereikt,
       p.benodigd_tempo_per_kwartaal_2025, p.trend_per_kwartaal, d.kans_doel_bereikt,
       (SELECT kans_doel_bereikt FROM marts.projectie_doel WHERE segment = p.segment AND kwartaal = $tweede)
FROM marts.projectie AS p
JOIN marts.projectie_doel AS d USING (segment, kwartaal)
WHERE p.segment = $segment AND p.kwartaal = $eerste
