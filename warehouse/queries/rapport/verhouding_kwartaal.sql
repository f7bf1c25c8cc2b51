-- Report, question 2: the quarterly estimate of the ratio (SEO key), faint beside the official one.
SELECT kwartaal, verhouding_kwartaalschatting
FROM marts.markt_overheid
ORDER BY kwartaal
