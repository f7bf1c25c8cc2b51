-- Report, question 3: government per year as the sector reports count it together (marts.realisatie_sector),
-- set beside the nowcast of the jaarmeting of the same year.
SELECT jaar, realisatie
FROM marts.realisatie_sector
WHERE niveau = 'overheid'
ORDER BY jaar
