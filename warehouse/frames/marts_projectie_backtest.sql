-- Frame for suite marts_projectie_backtest: the projected quarter lies `horizon` quarters after the
-- origin, and each calibrated band rests on exactly the errors known at its origin.
WITH geteld AS (
    SELECT m.*,
           CASE WHEN n_fouten IS NOT NULL THEN
               (SELECT count(*) FROM marts.projectie_backtest AS e
                WHERE e.segment = m.segment AND e.methode = m.methode AND e.horizon = m.horizon
                  AND e.kwartaal <= m.bekend_tot)
           END AS n_fouten_bekend
    FROM marts.projectie_backtest AS m
)
SELECT m.*,
       (CAST(kwartaal[1:4] AS INTEGER) * 4 + CAST(kwartaal[6] AS INTEGER))
         - (CAST(oorsprong[1:4] AS INTEGER) * 4 + CAST(oorsprong[6] AS INTEGER)) AS kwartalen_na_oorsprong,
       kwartalen_na_oorsprong - horizon AS verschil_horizon,
       count(*) OVER (PARTITION BY segment, methode, horizon) AS origins_per_methode,
       n_fouten - n_fouten_bekend AS verschil_n_fouten,
       bekend_tot IS NULL OR bekend_tot <= oorsprong AS bekend_voor_oorsprong
FROM geteld AS m
ORDER BY segment, methode, oorsprong, horizon
