-- Report, question 3: per segment and target quarter the projection, its bands and the chance.
SELECT d.segment, d.kwartaal, d.verwacht, p.ondergrens_80, p.bovengrens_80, p.ondergrens_95, p.bovengrens_95,
       d.doel, d.kans_doel_bereikt, p.band_80, p.band_95, p.n_fouten
FROM marts.projectie_doel AS d
JOIN marts.projectie AS p USING (segment, kwartaal)
ORDER BY CASE d.segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, d.kwartaal
