-- Report, question 3, chart: the official series and the projection of every segment.
SELECT segment, kwartaal, herkomst, is_prognose, gerealiseerd, verwacht, ondergrens_80, bovengrens_80,
       ondergrens_95, bovengrens_95, doel
FROM marts.projectie
ORDER BY segment, kwartaal
