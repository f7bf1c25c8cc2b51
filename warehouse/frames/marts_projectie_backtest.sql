-- Frame for suite marts_projectie_backtest: the projected quarter lies `horizon` quarters after the origin.
SELECT m.*,
       (CAST(kwartaal[1:4] AS INTEGER) * 4 + CAST(kwartaal[6] AS INTEGER))
         - (CAST(oorsprong[1:4] AS INTEGER) * 4 + CAST(oorsprong[6] AS INTEGER)) AS kwartalen_na_oorsprong,
       kwartalen_na_oorsprong - horizon AS verschil_horizon,
       count(*) OVER (PARTITION BY segment, methode, horizon) AS origins_per_methode
FROM marts.projectie_backtest AS m
ORDER BY segment, methode, oorsprong, horizon
