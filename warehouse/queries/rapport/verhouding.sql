-- Report, chart "Market against government": the ratios per quarter, with the reference lines
-- (ambitie 1:4, werkgelegenheid 1:6) as the mart gives them.
SELECT kwartaal, verhouding_regulier, verhouding_kwartaalschatting, verhouding_doel, ambitie, werkgelegenheid
FROM marts.markt_overheid
ORDER BY kwartaal
