-- Frame for suite marts_landelijk_kwartaal: the mart with derived columns for the value rules.
SELECT
    m.*,
    (jaar * 4 + kwartaalnummer) - lag(jaar * 4 + kwartaalnummer) OVER (ORDER BY kwartaal) AS kwartalen_sinds_vorige,
    realisatie_pct - round(100.0 * extra_banen_totaal / taakstelling_totaal, 1) AS verschil_realisatie_pct
FROM marts.landelijk_kwartaal AS m
ORDER BY kwartaal
