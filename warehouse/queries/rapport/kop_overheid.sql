-- Report, headline: government against its target in the last year with a published jaarmeting.
SELECT jaar, realisatie, taakstelling, realisatie_pct
FROM marts.realisatie_sector
WHERE niveau = 'overheid' AND jaarmeting IS NOT NULL
ORDER BY jaar DESC
LIMIT 1
