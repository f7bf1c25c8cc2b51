-- Report: the rolling origins of the backtest (how many, first, last).
SELECT count(DISTINCT oorsprong), min(oorsprong), max(oorsprong)
FROM marts.projectie_backtest
