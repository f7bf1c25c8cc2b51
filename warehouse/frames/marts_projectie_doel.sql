-- Frame for suite marts_projectie_doel: the central value is the published projection's.
SELECT d.*, d.verwacht - p.verwacht AS verschil_verwacht,
       coalesce(d.kans_doel_bereikt IS NOT NULL OR d.methode = 'gemeten (nowcast)', false) AS kans_bekend_of_nowcast
FROM marts.projectie_doel AS d
LEFT JOIN marts.projectie AS p USING (segment, kwartaal)
ORDER BY segment, kwartaal
