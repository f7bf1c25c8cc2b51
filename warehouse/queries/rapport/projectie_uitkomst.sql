-- Report, question 3: each year whose jaarmeting is printed (or derived from printed figures) against
-- what the published method projected for its fourth quarter a year before (origin: the previous
-- fourth quarter), with the calibrated 80% band (the method's own where too few errors were known).
WITH gekozen AS (
    SELECT DISTINCT segment, methode FROM marts.projectie_kalibratie WHERE gepubliceerd
)
SELECT b.segment, o.jaar, b.oorsprong, b.voorspeld,
       coalesce(b.gekalibreerd_ondergrens_80, b.ondergrens_80) AS ondergrens_80,
       coalesce(b.gekalibreerd_bovengrens_80, b.bovengrens_80) AS bovengrens_80,
       b.gekalibreerd_ondergrens_80 IS NOT NULL AS gekalibreerd,
       o.waarde AS uitkomst, o.herkomst, d.doel_markt, d.doel_overheid, d.doel_totaal,
       o.waarde BETWEEN coalesce(b.gekalibreerd_ondergrens_80, b.ondergrens_80)
                    AND coalesce(b.gekalibreerd_bovengrens_80, b.bovengrens_80) AS binnen_80
FROM marts.projectie_backtest AS b
JOIN gekozen AS g USING (segment, methode)
JOIN marts.officiele_meting AS o
  ON o.segment = b.segment AND o.kwartaal IS NULL AND b.kwartaal = o.jaar || 'Q4'
 AND o.herkomst IN ('gepubliceerd', 'afgeleid')
LEFT JOIN referentie.doelen AS d ON d.jaar = o.jaar
WHERE b.horizon = 4
ORDER BY CASE b.segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, o.jaar
