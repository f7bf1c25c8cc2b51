-- Report, question 3: per segment and target quarter the projection, its bands and the chance; once
-- the quarter is known, its value on the official measure with the nowcast's 80% interval.
SELECT d.segment, d.kwartaal, d.verwacht,
       coalesce(p.ondergrens_80, o.ondergrens_80) AS ondergrens_80,
       coalesce(p.bovengrens_80, o.bovengrens_80) AS bovengrens_80,
       p.ondergrens_95, p.bovengrens_95,
       d.doel, d.kans_doel_bereikt, p.band_80, p.band_95, p.n_fouten,
       p.herkomst, p.is_prognose
FROM marts.projectie_doel AS d
JOIN marts.projectie AS p USING (segment, kwartaal)
LEFT JOIN marts.officiele_meting AS o ON o.kwartaal = d.kwartaal AND o.segment = d.segment
ORDER BY CASE d.segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, d.kwartaal
