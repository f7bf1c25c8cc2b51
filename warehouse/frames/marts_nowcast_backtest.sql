-- Frame for suite marts_nowcast_backtest: errors consistent with their parts, intervals from earlier
-- years only, the years 2016-2022 covered.
SELECT b.*,
       fout - (nowcast - jaarmeting) AS controle_fout,
       greatest(n_eerdere_fouten - (jaar - min(jaar) OVER (PARTITION BY segment, methode)), 0) AS te_veel_eerdere_fouten,
       CASE WHEN ondergrens_80 IS NULL OR jaarmeting IS NULL THEN binnen_80 IS NULL
            ELSE binnen_80 = (abs(nowcast - jaarmeting) <= (bovengrens_80 - ondergrens_80) / 2 + 1) END AS binnen_klopt,
       count(DISTINCT jaar) FILTER (WHERE jaar BETWEEN 2016 AND 2022) OVER (PARTITION BY segment, methode)
           AS jaren_2016_2022
FROM marts.nowcast_backtest AS b
ORDER BY segment, methode, jaar
