-- Report: the average coverage of the published method's own bands (before any widening), per segment.
SELECT k.segment, avg(k.dekking_80), avg(k.dekking_95)
FROM marts.projectie_kalibratie AS k
JOIN (SELECT DISTINCT segment, methode FROM marts.projectie_kalibratie WHERE gepubliceerd) USING (segment, methode)
WHERE k.banden = 'eigen'
GROUP BY k.segment
ORDER BY k.segment
