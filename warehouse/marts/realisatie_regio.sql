-- marts.realisatie_regio: UWV's regional trend figures, every arbeidsmarktregio per current quarter.
CREATE OR REPLACE TABLE marts.realisatie_regio AS
WITH actueel AS (
    SELECT *, CAST(left(kwartaal, 4) AS INTEGER) * 4 + CAST(right(kwartaal, 1) AS INTEGER) AS volgnummer
    FROM staging.uwv_kwartaal
    WHERE is_actueel
)
SELECT
    r.kwartaal,
    periode_einde(r.kwartaal) AS peildatum,
    r.regiocode,
    coalesce(ref.regio, r.regio) AS regio,
    r.doelgroep_personen,
    r.werkzame_personen,
    CAST(round(r.werkzame_personen / nullif(r.doelgroep_personen, 0), 4) AS DOUBLE) AS aandeel_werkzaam,
    r.extra_banen_regulier_overheid,
    r.extra_banen_regulier_markt,
    r.extra_banen_inleen,
    r.extra_banen_totaal,
    r.banen_totaal,
    r.extra_banen_totaal - vorig.extra_banen_totaal AS verandering_vorig_kwartaal,
    r.extra_banen_totaal - jaar_eerder.extra_banen_totaal AS verandering_jaar,
    -- + 0.0: a small negative share rounds to -0.0, which BI tools show as "-0"
    CAST(round(r.extra_banen_totaal / nullif(nl.extra_banen_totaal, 0), 4) AS DOUBLE) + 0.0 AS aandeel_landelijk,
    CAST(round(100.0 * r.extra_banen_totaal / nullif(r.doelgroep_personen, 0), 1) AS DOUBLE) + 0.0
        AS extra_banen_per_100_doelgroep,
    r.bestand,
    r.versie,
    'synthetisch' AS herkomst
FROM actueel AS r
LEFT JOIN actueel AS nl ON nl.kwartaal = r.kwartaal AND nl.regiocode = 'NL'
LEFT JOIN actueel AS vorig ON vorig.regiocode = r.regiocode AND vorig.volgnummer = r.volgnummer - 1
LEFT JOIN actueel AS jaar_eerder ON jaar_eerder.regiocode = r.regiocode AND jaar_eerder.volgnummer = r.volgnummer - 4
LEFT JOIN referentie.regios AS ref ON ref.regiocode = r.regiocode
WHERE r.regiocode <> 'NL'
ORDER BY r.kwartaal, r.regiocode;

COMMENT ON TABLE marts.realisatie_regio IS 'UWV''s regional trend figures: per current quarter (latest publication) each of the 35 arbeidsmarktregio''s, as delivered, with changes and shares. The national row is in marts.landelijk_kwartaal; the 35 regions may add up to it with a difference of a baan or two, because UWV rounds every figure on its own (the delivery agreement allows 2). The split over regions in the sample data is synthetic; national totals as published.';
COMMENT ON COLUMN marts.realisatie_regio.kwartaal IS 'Quarter, e.g. 2019Q3.';
COMMENT ON COLUMN marts.realisatie_regio.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.realisatie_regio.regiocode IS 'Arbeidsmarktregio code (AM01 Groningen .. AM38 Food Valley, 35 regions; referentie.regios).';
COMMENT ON COLUMN marts.realisatie_regio.regio IS 'Name of the arbeidsmarktregio (referentie.regios).';
COMMENT ON COLUMN marts.realisatie_regio.doelgroep_personen IS 'Persons in the doelgroepregister living in the region.';
COMMENT ON COLUMN marts.realisatie_regio.werkzame_personen IS 'Persons from the register in the region who work.';
COMMENT ON COLUMN marts.realisatie_regio.aandeel_werkzaam IS 'werkzame_personen / doelgroep_personen, a fraction (0..1), four decimals.';
COMMENT ON COLUMN marts.realisatie_regio.extra_banen_regulier_overheid IS 'Extra banen since 31-12-2012, regular jobs with government employers.';
COMMENT ON COLUMN marts.realisatie_regio.extra_banen_regulier_markt IS 'Extra banen since 31-12-2012, regular jobs with market employers.';
COMMENT ON COLUMN marts.realisatie_regio.extra_banen_inleen IS 'Extra banen since 31-12-2012 in agency work and secondment.';
COMMENT ON COLUMN marts.realisatie_regio.extra_banen_totaal IS 'Extra banen since 31-12-2012, all categories.';
COMMENT ON COLUMN marts.realisatie_regio.banen_totaal IS 'Absolute number of banen of people in the target group in the region.';
COMMENT ON COLUMN marts.realisatie_regio.verandering_vorig_kwartaal IS 'extra_banen_totaal minus that of the previous quarter (current versions); NULL without one.';
COMMENT ON COLUMN marts.realisatie_regio.verandering_jaar IS 'extra_banen_totaal minus that of the same quarter a year earlier (current versions); NULL without one.';
COMMENT ON COLUMN marts.realisatie_regio.aandeel_landelijk IS 'The region''s share of the national extra_banen_totaal of the quarter, a fraction, four decimals (negative where the region is below its baseline).';
COMMENT ON COLUMN marts.realisatie_regio.extra_banen_per_100_doelgroep IS '100 * extra_banen_totaal / doelgroep_personen, one decimal.';
COMMENT ON COLUMN marts.realisatie_regio.bestand IS 'Delivery the figures come from.';
COMMENT ON COLUMN marts.realisatie_regio.versie IS 'Version of the quarter in use (1 = first publication).';
COMMENT ON COLUMN marts.realisatie_regio.herkomst IS 'synthetisch: the split of the national figures over regions is made up in the sample data, consistent with the published national totals.';
