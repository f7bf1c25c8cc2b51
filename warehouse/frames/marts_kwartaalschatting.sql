-- Frame for suite marts_kwartaalschatting.
SELECT k.*,
       count(*) FILTER (WHERE is_actueel) OVER (PARTITION BY kwartaal) AS actuele_versies,
       extra_banen_markt_incl_inleen + extra_banen_overheid_incl_inleen
         - (extra_banen_regulier_markt + extra_banen_regulier_overheid + extra_banen_inleen) AS verschil_verdeling
FROM marts.kwartaalschatting AS k
ORDER BY kwartaal, versie
