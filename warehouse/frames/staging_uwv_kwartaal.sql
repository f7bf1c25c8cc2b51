-- Frame for suite staging_uwv_kwartaal: every row of the selected deliveries ($bestanden, a list) or of the whole
-- table ($bestanden NULL), with the derived columns the value rules test.
WITH rows AS (
    SELECT * FROM staging.uwv_kwartaal WHERE $bestanden IS NULL OR list_contains($bestanden, bestand)
),
region_sums AS (
    SELECT bestand,
           sum(doelgroep_personen) AS som_regios_doelgroep_personen,
           sum(werkzame_personen) AS som_regios_werkzame_personen,
           sum(extra_banen_regulier_overheid) AS som_regios_extra_banen_regulier_overheid,
           sum(extra_banen_regulier_markt) AS som_regios_extra_banen_regulier_markt,
           sum(extra_banen_inleen) AS som_regios_extra_banen_inleen,
           sum(extra_banen_totaal) AS som_regios_extra_banen_totaal,
           sum(banen_totaal) AS som_regios_banen_totaal
    FROM rows WHERE regiocode <> 'NL' GROUP BY bestand
),
previous AS (
    SELECT kwartaal, extra_banen_totaal FROM staging.uwv_kwartaal WHERE regiocode = 'NL' AND is_actueel
)
SELECT
    r.kwartaal, r.regiocode, r.bestand, r.publicatiedatum, r.is_actueel,
    r.doelgroep_personen, r.werkzame_personen,
    r.extra_banen_regulier_overheid, r.extra_banen_regulier_markt, r.extra_banen_inleen,
    r.extra_banen_totaal, r.banen_totaal,
    r.extra_banen_totaal - (r.extra_banen_regulier_overheid + r.extra_banen_regulier_markt + r.extra_banen_inleen)
        AS verschil_categorieen,
    last_day(make_date(CAST(left(r.kwartaal, 4) AS INTEGER), 3 * CAST(right(r.kwartaal, 1) AS INTEGER), 1))
        AS einde_kwartaal,
    CAST(s.som_regios_doelgroep_personen AS BIGINT) AS som_regios_doelgroep_personen,
    CAST(s.som_regios_werkzame_personen AS BIGINT) AS som_regios_werkzame_personen,
    CAST(s.som_regios_extra_banen_regulier_overheid AS BIGINT) AS som_regios_extra_banen_regulier_overheid,
    CAST(s.som_regios_extra_banen_regulier_markt AS BIGINT) AS som_regios_extra_banen_regulier_markt,
    CAST(s.som_regios_extra_banen_inleen AS BIGINT) AS som_regios_extra_banen_inleen,
    CAST(s.som_regios_extra_banen_totaal AS BIGINT) AS som_regios_extra_banen_totaal,
    CAST(s.som_regios_banen_totaal AS BIGINT) AS som_regios_banen_totaal,
    CAST(s.som_regios_doelgroep_personen - r.doelgroep_personen AS BIGINT) AS verschil_regios_doelgroep_personen,
    CAST(s.som_regios_werkzame_personen - r.werkzame_personen AS BIGINT) AS verschil_regios_werkzame_personen,
    CAST(s.som_regios_extra_banen_regulier_overheid - r.extra_banen_regulier_overheid AS BIGINT)
        AS verschil_regios_extra_banen_regulier_overheid,
    CAST(s.som_regios_extra_banen_regulier_markt - r.extra_banen_regulier_markt AS BIGINT)
        AS verschil_regios_extra_banen_regulier_markt,
    CAST(s.som_regios_extra_banen_inleen - r.extra_banen_inleen AS BIGINT) AS verschil_regios_extra_banen_inleen,
    CAST(s.som_regios_extra_banen_totaal - r.extra_banen_totaal AS BIGINT) AS verschil_regios_extra_banen_totaal,
    CAST(s.som_regios_banen_totaal - r.banen_totaal AS BIGINT) AS verschil_regios_banen_totaal,
    CASE WHEN r.regiocode = 'NL' AND r.is_actueel AND p.extra_banen_totaal <> 0 THEN
        round(100.0 * (r.extra_banen_totaal - p.extra_banen_totaal) / abs(p.extra_banen_totaal), 1)
    END AS verandering_pct_vorig_kwartaal
FROM rows AS r
LEFT JOIN region_sums AS s ON s.bestand = r.bestand AND r.regiocode = 'NL'
LEFT JOIN previous AS p ON p.kwartaal = CASE
    WHEN right(r.kwartaal, 1) = '1' THEN printf('%dQ4', CAST(left(r.kwartaal, 4) AS INTEGER) - 1)
    ELSE printf('%sQ%d', left(r.kwartaal, 4), CAST(right(r.kwartaal, 1) AS INTEGER) - 1)
END
ORDER BY r.kwartaal, r.bestand, r.regiocode
