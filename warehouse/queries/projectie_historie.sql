-- Read-only: the history the projections are fitted on, per quarter (banen_pipeline/projections.py).
SELECT m.kwartaal, m.extra_banen_markt_incl_inleen, m.extra_banen_overheid_incl_inleen, l.extra_banen_totaal
FROM marts.markt_overheid AS m JOIN marts.landelijk_kwartaal AS l USING (kwartaal)
ORDER BY m.kwartaal
