-- Report: the published method of each segment, by its code (the report words it).
SELECT segment, split_part(any_value(methode), ':', 1) AS methode
FROM marts.projectie
GROUP BY segment
ORDER BY segment
