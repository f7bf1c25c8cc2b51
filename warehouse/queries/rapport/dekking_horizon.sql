-- Report, question 3: per segment and horizon (quarters ahead) how the published method's 80% bands
-- held out of time: tested (some errors at that horizon) and held (not more than two standard errors
-- below 0.80). A chance is shown only for a horizon that was tested and held.
SELECT segment, horizon, n, dekking_80, dekking_80_se, bias,
       dekking_80 + 2 * dekking_80_se >= 0.80 AS gehouden
FROM marts.projectie_kalibratie
WHERE gepubliceerd AND n > 0
ORDER BY segment, horizon
