-- marts.landelijk_kwartaal: the current national UWV figures per quarter against the target of that year.
CREATE OR REPLACE TABLE marts.landelijk_kwartaal AS
WITH nl AS (
    SELECT *, CAST(left(kwartaal, 4) AS INTEGER) AS jaar
    FROM staging.uwv_kwartaal
    WHERE regiocode = 'NL' AND is_actueel
)
SELECT
    nl.kwartaal,
    periode_einde(nl.kwartaal) AS peildatum,
    nl.jaar,
    CAST(right(nl.kwartaal, 1) AS INTEGER) AS kwartaalnummer,
    nl.publicatiedatum,
    nl.versie,
    nl.doelgroep_personen,
    nl.werkzame_personen,
    nl.extra_banen_regulier_overheid,
    nl.extra_banen_regulier_markt,
    nl.extra_banen_inleen,
    nl.extra_banen_totaal,
    nl.banen_totaal,
    d.doel_markt AS taakstelling_markt,
    d.doel_overheid AS taakstelling_overheid,
    d.doel_totaal AS taakstelling_totaal,
    CAST(round(100.0 * nl.extra_banen_totaal / d.doel_totaal, 1) AS DOUBLE) AS realisatie_pct,
    -- the target path pro rata: from last year's target (31 December) to this year's, a quarter at a time
    CAST(round(v.doel_totaal + (d.doel_totaal - v.doel_totaal) * CAST(right(nl.kwartaal, 1) AS INTEGER) / 4.0, 0)
         AS BIGINT) AS taakstelling_totaal_pro_rata,
    CAST(round(100.0 * nl.extra_banen_totaal
               / (v.doel_totaal + (d.doel_totaal - v.doel_totaal) * CAST(right(nl.kwartaal, 1) AS INTEGER) / 4.0), 1)
         AS DOUBLE) AS realisatie_pct_pro_rata,
    coalesce(h.herkomst, 'gepubliceerd') AS herkomst_extra_banen_totaal,
    nl.bestand
FROM nl
LEFT JOIN referentie.doelen AS d ON d.jaar = nl.jaar
LEFT JOIN referentie.doelen AS v ON v.jaar = nl.jaar - 1
LEFT JOIN referentie.herkomst_kwartaal AS h ON h.kwartaal = nl.kwartaal AND h.maat = 'extra_banen_totaal'
ORDER BY nl.kwartaal;

COMMENT ON TABLE marts.landelijk_kwartaal IS 'Current national UWV figures per quarter (latest publication), with the targets of that year and the realisation against the total target. National totals as published where herkomst says so; see referentie.herkomst_kwartaal.';
COMMENT ON COLUMN marts.landelijk_kwartaal.kwartaal IS 'Quarter, e.g. 2019Q3.';
COMMENT ON COLUMN marts.landelijk_kwartaal.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.landelijk_kwartaal.jaar IS 'Year of the quarter.';
COMMENT ON COLUMN marts.landelijk_kwartaal.kwartaalnummer IS 'Quarter of the year, 1..4.';
COMMENT ON COLUMN marts.landelijk_kwartaal.publicatiedatum IS 'Publication date of the current version.';
COMMENT ON COLUMN marts.landelijk_kwartaal.versie IS 'Version of the quarter in use (1 = first publication).';
COMMENT ON COLUMN marts.landelijk_kwartaal.doelgroep_personen IS 'Persons in the doelgroepregister.';
COMMENT ON COLUMN marts.landelijk_kwartaal.werkzame_personen IS 'Persons from the register who work.';
COMMENT ON COLUMN marts.landelijk_kwartaal.extra_banen_regulier_overheid IS 'Extra banen since 31-12-2012, regular jobs with government employers.';
COMMENT ON COLUMN marts.landelijk_kwartaal.extra_banen_regulier_markt IS 'Extra banen since 31-12-2012, regular jobs with market employers.';
COMMENT ON COLUMN marts.landelijk_kwartaal.extra_banen_inleen IS 'Extra banen since 31-12-2012 in agency work and secondment, not split over overheid and markt.';
COMMENT ON COLUMN marts.landelijk_kwartaal.extra_banen_totaal IS 'Extra banen since 31-12-2012, all categories.';
COMMENT ON COLUMN marts.landelijk_kwartaal.banen_totaal IS 'Absolute number of banen of people in the target group.';
COMMENT ON COLUMN marts.landelijk_kwartaal.taakstelling_markt IS 'Target for markt in this year (referentie.doelen: printed, or the law''s final target where none was printed for the year).';
COMMENT ON COLUMN marts.landelijk_kwartaal.taakstelling_overheid IS 'Target for overheid in this year (referentie.doelen).';
COMMENT ON COLUMN marts.landelijk_kwartaal.taakstelling_totaal IS 'Total target in this year (referentie.doelen).';
COMMENT ON COLUMN marts.landelijk_kwartaal.realisatie_pct IS '100 * extra_banen_totaal / taakstelling_totaal, in percent, one decimal; NULL without a target. Every quarter is set against the whole year''s target (it counts on 31 December), so the first quarters of a year look low: realisatie_pct_pro_rata compares with the path to it.';
COMMENT ON COLUMN marts.landelijk_kwartaal.taakstelling_totaal_pro_rata IS 'The total target path at the end of the quarter: last year''s target plus a quarter of the step to this year''s per quarter (at Q4 the year''s target); NULL where the year before has no target (2015).';
COMMENT ON COLUMN marts.landelijk_kwartaal.realisatie_pct_pro_rata IS '100 * extra_banen_totaal / taakstelling_totaal_pro_rata, in percent, one decimal: the quarter against where the path to the year''s target stands.';
COMMENT ON COLUMN marts.landelijk_kwartaal.herkomst_extra_banen_totaal IS 'gepubliceerd (as UWV published it: printed, or delivered by UWV without a provenance row) or ingevuld (interpolated in the sample data, referentie.herkomst_kwartaal) for extra_banen_totaal.';
COMMENT ON COLUMN marts.landelijk_kwartaal.bestand IS 'Delivery the figures come from.';
