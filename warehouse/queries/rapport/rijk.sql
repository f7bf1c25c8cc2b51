-- Report, chart "Sector Rijk per organisation": one quarter ($kwartaal), Totaal Rijk last.
SELECT organisatie, realisatie_pct, is_totaal
FROM marts.realisatie_rijk
WHERE kwartaal = $kwartaal
ORDER BY is_totaal, realisatie_pct
