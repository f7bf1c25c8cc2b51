-- Report, coverage per horizon of the published bands of each segment.
SELECT segment, methode, banden, horizon, n, dekking_80, dekking_95, mape_pct
FROM marts.projectie_kalibratie
WHERE gepubliceerd
ORDER BY horizon, segment
