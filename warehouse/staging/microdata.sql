-- staging.microdata_aggregaat: the payroll extract aggregated in DuckDB, full precision. Internal: it
-- rests on small groups too, so it is never exported (the marts suppress cells under 10 persons).
CREATE TABLE IF NOT EXISTS staging.microdata_aggregaat (
    kwartaal             VARCHAR NOT NULL,
    regiocode            VARCHAR NOT NULL,
    categorie            VARCHAR,
    sector               VARCHAR,
    doelgroep_grondslag  VARCHAR,
    banen                DOUBLE,
    personen             BIGINT,
    rijen                BIGINT,
    weken_in_kwartaal    INTEGER
);
COMMENT ON TABLE staging.microdata_aggregaat IS 'The pseudonymised payroll extract (<landing>/microdata/) aggregated per quarter, region, category, sector and ground, with the 25.5-hour rule. Internal, not exported: cells may rest on fewer than 10 persons. The sample extract is synthetic.';
COMMENT ON COLUMN staging.microdata_aggregaat.kwartaal IS 'Quarter, or 2012Q4 for the baseline.';
COMMENT ON COLUMN staging.microdata_aggregaat.regiocode IS 'Arbeidsmarktregio of the job.';
COMMENT ON COLUMN staging.microdata_aggregaat.categorie IS 'regulier_overheid, regulier_markt or inleen; NULL for register persons without a paid job.';
COMMENT ON COLUMN staging.microdata_aggregaat.sector IS 'markt or one of the 13 public sectors (of the employer).';
COMMENT ON COLUMN staging.microdata_aggregaat.doelgroep_grondslag IS 'Ground of the register entry: wajong, wsw, participatiewet, praktijkroute, vso_pro, wiw_id.';
COMMENT ON COLUMN staging.microdata_aggregaat.banen IS 'sum(verloonde_uren / (25.5 * weken_in_kwartaal)).';
COMMENT ON COLUMN staging.microdata_aggregaat.personen IS 'Distinct persons (pseudonyms) in the cell.';
COMMENT ON COLUMN staging.microdata_aggregaat.rijen IS 'Rows (person x employer x contract) in the cell.';
COMMENT ON COLUMN staging.microdata_aggregaat.weken_in_kwartaal IS 'Payroll weeks of the quarter: 14 where the payroll year has a 53rd week.';

-- staging.microdata_duurzaamheid: persons followed from a quarter to four quarters later, counted in
-- DuckDB over the extract. Internal (no pseudonyms, but small cells): the mart suppresses them.
CREATE TABLE IF NOT EXISTS staging.microdata_duurzaamheid (
    kwartaal                                  VARCHAR NOT NULL,
    categorie                                 VARCHAR NOT NULL,
    sector                                    VARCHAR NOT NULL,
    personen                                  BIGINT NOT NULL,
    personen_na_4_kwartalen                   BIGINT NOT NULL,
    personen_na_4_kwartalen_zelfde_werkgever  BIGINT NOT NULL
);
COMMENT ON TABLE staging.microdata_duurzaamheid IS 'Job durability from the payroll extract: per quarter, category and sector the persons with paid hours there, and of them those with paid hours four quarters later (any employer, the same employer). Only quarters whose fourth next quarter is in the extract. Internal, not exported: cells may rest on fewer than 10 persons. The sample extract is synthetic.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.kwartaal IS 'Quarter the persons worked in.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.categorie IS 'regulier_overheid, regulier_markt or inleen; totaal on the national row (sector totaal), where a person counts once whatever their jobs.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.sector IS 'markt or one of the 13 public sectors; totaal on the national row.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.personen IS 'Distinct persons with paid hours in this category and sector in the quarter.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.personen_na_4_kwartalen IS 'Of them, persons with paid hours (any employer, any category) four quarters later.';
COMMENT ON COLUMN staging.microdata_duurzaamheid.personen_na_4_kwartalen_zelfde_werkgever IS 'Of them, persons with paid hours four quarters later with an employer they had in this category and sector.';
