-- marts.microdata_duurzaamheid: are the jobs lasting? Persons still working four quarters later.
CREATE OR REPLACE TABLE marts.microdata_duurzaamheid AS
SELECT
    kwartaal,
    periode_einde(kwartaal) AS peildatum,
    categorie,
    sector,
    CASE WHEN personen >= 10 THEN personen END AS personen,
    CASE WHEN personen >= 10 THEN personen_na_4_kwartalen END AS personen_na_4_kwartalen,
    CASE WHEN personen >= 10 THEN personen_na_4_kwartalen_zelfde_werkgever END
        AS personen_na_4_kwartalen_zelfde_werkgever,
    CASE WHEN personen >= 10 THEN CAST(round(personen_na_4_kwartalen / personen, 4) AS DOUBLE) END
        AS aandeel_behouden,
    CASE WHEN personen >= 10
         THEN CAST(round(personen_na_4_kwartalen_zelfde_werkgever / personen, 4) AS DOUBLE) END
        AS aandeel_behouden_zelfde_werkgever,
    personen < 10 AS onderdrukt
FROM staging.microdata_duurzaamheid
ORDER BY ALL;

COMMENT ON TABLE marts.microdata_duurzaamheid IS 'Job durability from the payroll extract: of the persons working in a quarter, category and sector (and in the whole country: categorie and sector totaal), the share still working four quarters later (any employer, and the same employer). Only quarters whose fourth next quarter is in the extract. Disclosure control: a cell resting on fewer than 10 persons shows NULL and onderdrukt = true. The sample extract is synthetic.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.kwartaal IS 'Quarter the persons worked in.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.categorie IS 'regulier_overheid, regulier_markt or inleen; totaal on the national row of the quarter (with sector totaal), where a person counts once whatever their jobs.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.sector IS 'markt or one of the 13 public sectors (of the employer); totaal on the national row.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.personen IS 'Distinct persons with paid hours in this category and sector; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.personen_na_4_kwartalen IS 'Of them, persons with paid hours four quarters later, with any employer; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.personen_na_4_kwartalen_zelfde_werkgever IS 'Of them, persons with paid hours four quarters later with an employer they had in this cell; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.aandeel_behouden IS 'personen_na_4_kwartalen / personen, a fraction (0..1), four decimals; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.aandeel_behouden_zelfde_werkgever IS 'personen_na_4_kwartalen_zelfde_werkgever / personen, a fraction (0..1), four decimals; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_duurzaamheid.onderdrukt IS 'True when the cell rests on fewer than 10 persons and is suppressed.';
