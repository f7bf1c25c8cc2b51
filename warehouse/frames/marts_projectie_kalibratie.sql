-- Frame for suite marts_projectie_kalibratie: one published band per segment and horizon, and its
-- coverage averaged over the horizons.
SELECT m.*,
       count(*) FILTER (WHERE gepubliceerd) OVER (PARTITION BY segment, horizon) AS gepubliceerd_per_horizon,
       CASE WHEN gepubliceerd THEN avg(dekking_80) OVER (PARTITION BY segment, methode, banden) END
           AS gepubliceerde_dekking_80,
       CASE WHEN gepubliceerd THEN avg(dekking_95) OVER (PARTITION BY segment, methode, banden) END
           AS gepubliceerde_dekking_95
FROM marts.projectie_kalibratie AS m
ORDER BY segment, methode, banden, horizon
