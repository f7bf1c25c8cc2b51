-- Report, trust: every year's jaarmeting as the rule nowcast it beforehand, and the typical error.
SELECT jaar, segment, nowcast, jaarmeting, fout, ondergrens_80, bovengrens_80, binnen_80,
       gemiddelde_absolute_fout, n_jaren
FROM marts.nowcast_backtest
WHERE methode = 'volgens_regel'
ORDER BY CASE segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, jaar
