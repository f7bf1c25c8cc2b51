-- staging.uwv_kwartaal: both UWV formats in one typed table, one row per (kwartaal, regiocode, version).
CREATE TABLE IF NOT EXISTS staging.uwv_kwartaal (
    kwartaal                       VARCHAR NOT NULL,
    regiocode                      VARCHAR NOT NULL,
    regio                          VARCHAR NOT NULL,
    publicatiedatum                DATE NOT NULL,
    versie                         INTEGER,
    is_actueel                     BOOLEAN,
    doelgroep_personen             BIGINT,
    werkzame_personen              BIGINT,
    extra_banen_regulier_overheid  BIGINT,
    extra_banen_regulier_markt     BIGINT,
    extra_banen_inleen             BIGINT,
    extra_banen_totaal             BIGINT,
    banen_totaal                   BIGINT,
    bestand                        VARCHAR NOT NULL,
    bron_locatie                   VARCHAR
);
COMMENT ON TABLE staging.uwv_kwartaal IS 'UWV quarterly figures per arbeidsmarktregio plus the national row NL, from the trend report CSV (to 2021Q2) and the dashboard XLSX (from 2021Q3). Every delivered version is kept; is_actueel marks the latest publication per quarter. Regional splits in the sample data are synthetic; national totals as published (see referentie.herkomst_kwartaal).';
COMMENT ON COLUMN staging.uwv_kwartaal.kwartaal IS 'Quarter, e.g. 2019Q3 (figures as at its last day).';
COMMENT ON COLUMN staging.uwv_kwartaal.regiocode IS 'Arbeidsmarktregio code AM01..AM38, or NL for the Netherlands.';
COMMENT ON COLUMN staging.uwv_kwartaal.regio IS 'Official region name (referentie.regios), Nederland for NL.';
COMMENT ON COLUMN staging.uwv_kwartaal.publicatiedatum IS 'Publication date of the delivery this row comes from.';
COMMENT ON COLUMN staging.uwv_kwartaal.versie IS 'Version of the quarter: 1 for the first publication, higher for re-deliveries.';
COMMENT ON COLUMN staging.uwv_kwartaal.is_actueel IS 'True for the rows of the latest publication of the quarter.';
COMMENT ON COLUMN staging.uwv_kwartaal.doelgroep_personen IS 'Persons in the doelgroepregister (target group register).';
COMMENT ON COLUMN staging.uwv_kwartaal.werkzame_personen IS 'Persons from the register who work.';
COMMENT ON COLUMN staging.uwv_kwartaal.extra_banen_regulier_overheid IS 'Extra banen (25.5 h/week) since 31-12-2012 in regular jobs with government employers.';
COMMENT ON COLUMN staging.uwv_kwartaal.extra_banen_regulier_markt IS 'Extra banen since 31-12-2012 in regular jobs with market employers.';
COMMENT ON COLUMN staging.uwv_kwartaal.extra_banen_inleen IS 'Extra banen since 31-12-2012 in agency work and secondment (inleen), not split over overheid and markt.';
COMMENT ON COLUMN staging.uwv_kwartaal.extra_banen_totaal IS 'Extra banen since the nulmeting of 31-12-2012, all categories.';
COMMENT ON COLUMN staging.uwv_kwartaal.banen_totaal IS 'Absolute number of banen (25.5 paid hours a week) of people in the target group.';
COMMENT ON COLUMN staging.uwv_kwartaal.bestand IS 'File the row was delivered in (see meta.leveringen).';
COMMENT ON COLUMN staging.uwv_kwartaal.bron_locatie IS 'Line (CSV) or rows (XLSX) of the file the figures come from.';
