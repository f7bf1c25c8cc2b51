-- Report, headline: the last quarter's national extra banen against the year's target.
SELECT kwartaal, extra_banen_totaal, taakstelling_totaal, realisatie_pct
FROM marts.landelijk_kwartaal
ORDER BY kwartaal DESC
LIMIT 1
