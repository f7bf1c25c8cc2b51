-- Frame for suite marts_realisatie_regio: 35 regions per quarter, shares and changes consistent.
SELECT m.*,
       count(*) OVER (PARTITION BY kwartaal) AS regios_in_kwartaal,
       aandeel_werkzaam - werkzame_personen / nullif(doelgroep_personen, 0) AS verschil_aandeel_werkzaam,
       sum(aandeel_landelijk) OVER (PARTITION BY kwartaal) AS som_aandeel_landelijk,
       extra_banen_totaal - (extra_banen_regulier_overheid + extra_banen_regulier_markt + extra_banen_inleen)
           AS verschil_categorieen
FROM marts.realisatie_regio AS m
ORDER BY kwartaal, regiocode
