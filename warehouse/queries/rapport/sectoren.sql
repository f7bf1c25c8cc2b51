-- Report, chart "Realisation per sector": the sectors, government and the market in one year ($jaar).
SELECT sector, niveau, realisatie_pct
FROM marts.realisatie_sector
WHERE jaar = $jaar
ORDER BY realisatie_pct
