-- Report, question 3 and trust: per segment, how the published method's 80% bands held out of time one
-- to four quarters ahead: the lowest and highest coverage, whether any horizon fell more than two
-- standard errors below 0.80, the pooled coverage and the mean error (positive: the projection was high).
SELECT segment,
       min(dekking_80) AS dekking_laag,
       max(dekking_80) AS dekking_hoog,
       bool_or(dekking_80 + 2 * dekking_80_se < 0.80) AS te_smal,
       sum(n * dekking_80) / sum(n) AS dekking_samen,
       sum(n * bias) / sum(n) AS bias,
       sum(n) AS n
FROM marts.projectie_kalibratie
WHERE gepubliceerd AND horizon BETWEEN 1 AND 4 AND n > 0
GROUP BY segment
ORDER BY segment
