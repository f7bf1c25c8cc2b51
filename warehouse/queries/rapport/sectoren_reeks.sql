-- Report, question 1, small multiples: every sector, government and the market per year.
SELECT jaar, sector, niveau, taakstelling, realisatie
FROM marts.realisatie_sector
ORDER BY CASE niveau WHEN 'sector' THEN 0 WHEN 'overheid' THEN 1 ELSE 2 END, sector, jaar
