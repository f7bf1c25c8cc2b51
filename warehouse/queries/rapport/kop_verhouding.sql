-- Report, headline: the last quarter with a market/government ratio and a target ratio.
SELECT kwartaal, verhouding_regulier, verhouding_kwartaalschatting, verhouding_doel, ambitie
FROM marts.markt_overheid
WHERE verhouding_regulier IS NOT NULL AND verhouding_doel IS NOT NULL
ORDER BY kwartaal DESC
LIMIT 1
