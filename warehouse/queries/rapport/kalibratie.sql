-- Report, trust: how often the outcome fell inside the published bands, per segment and horizon,
-- measured out of time, with the number of outcomes and the standard error.
SELECT segment, horizon, n, dekking_80, dekking_80_se, dekking_95, dekking_95_se
FROM marts.projectie_kalibratie
WHERE gepubliceerd
ORDER BY CASE segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, horizon
