-- Frame for suite marts_markt_overheid.
SELECT m.*,
       (jaar * 4 + CAST(right(kwartaal, 1) AS INTEGER))
         - lag(jaar * 4 + CAST(right(kwartaal, 1) AS INTEGER)) OVER (ORDER BY kwartaal) AS kwartalen_sinds_vorige,
       verhouding_regulier - extra_banen_regulier_markt / nullif(extra_banen_regulier_overheid, 0) AS verschil_verhouding_regulier,
       verhouding_officieel - extra_banen_markt_officieel / nullif(extra_banen_overheid_officieel, 0)
         AS verschil_verhouding_officieel,
       extra_banen_markt_incl_inleen + extra_banen_overheid_incl_inleen
         - (extra_banen_regulier_markt + extra_banen_regulier_overheid + extra_banen_inleen) AS verschil_verdeling,
       (verhouding_regulier IS NULL) = (reden_geen_verhouding IS NOT NULL) AS null_heeft_reden,
       (extra_banen_overheid_officieel IS NOT NULL) = (herkomst_officieel IS NOT NULL) AS officieel_heeft_herkomst
FROM marts.markt_overheid AS m
ORDER BY kwartaal
