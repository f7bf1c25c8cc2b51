-- Report: the published method of each segment, in words.
SELECT segment, any_value(methode) AS methode
FROM marts.projectie
GROUP BY segment
ORDER BY segment
