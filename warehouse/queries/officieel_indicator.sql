-- Read-only (banen_pipeline/official.py): the quarterly estimate per segment, every quarter's current
-- version: what the bridge to the jaarmeting starts from.
SELECT kwartaal,
       extra_banen_markt_incl_inleen AS markt,
       extra_banen_overheid_incl_inleen AS overheid,
       CAST(extra_banen_totaal AS DOUBLE) AS totaal
FROM marts.kwartaalschatting
WHERE is_actueel
ORDER BY kwartaal
