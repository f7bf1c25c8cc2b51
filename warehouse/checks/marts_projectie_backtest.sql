-- Frame for suite marts_projectie_backtest.
SELECT * FROM marts.projectie_backtest ORDER BY segment, horizon
