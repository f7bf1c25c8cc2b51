-- Report, question 3: the tested error of the rule's nowcast of the jaarmeting, per segment: the mean
-- absolute error over the years it was tried on before each jaarmeting appeared.
SELECT segment, any_value(gemiddelde_absolute_fout) AS gemiddelde_absolute_fout, any_value(n_jaren) AS n_jaren
FROM marts.nowcast_backtest
WHERE methode = 'volgens_regel'
GROUP BY segment
