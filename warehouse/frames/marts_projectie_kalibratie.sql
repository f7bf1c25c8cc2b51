-- Frame for suite marts_projectie_kalibratie: one published band per segment and horizon, the rule's
-- score, and how far the published bands' out-of-time coverage falls below their level.
SELECT m.*,
       count(*) FILTER (WHERE gepubliceerd) OVER (PARTITION BY segment, horizon) AS gepubliceerd_per_horizon,
       (n > 0) = (dekking_80 IS NOT NULL AND dekking_95 IS NOT NULL) AS dekking_waar_n,
       keuze_score - (keuze_mase + abs(keuze_bias_geschaald)) AS verschil_score,
       NOT gepubliceerd OR keuze_score <= min(keuze_score) OVER (PARTITION BY segment) AS gepubliceerd_laagste_score,
       CASE WHEN gepubliceerd AND n > 0 THEN (0.80 - dekking_80) / dekking_80_se END AS tekort_80_in_se,
       CASE WHEN gepubliceerd AND n > 0 THEN (0.95 - dekking_95) / dekking_95_se END AS tekort_95_in_se
FROM marts.projectie_kalibratie AS m
ORDER BY segment, methode, banden, horizon
