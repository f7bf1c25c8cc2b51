-- Report, chart "Projections to 2026Q4": observed and projected quarters of every segment.
SELECT segment, kwartaal, is_prognose, gerealiseerd, verwacht, ondergrens_80, bovengrens_80,
       ondergrens_95, bovengrens_95, doel
FROM marts.projectie
ORDER BY segment, kwartaal
