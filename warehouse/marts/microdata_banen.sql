-- marts.microdata_banen: banen and persons from the payroll extract, with disclosure control.
CREATE OR REPLACE TABLE marts.microdata_banen AS
SELECT
    kwartaal,
    periode_einde(kwartaal) AS peildatum,
    regiocode,
    categorie,
    sector,
    doelgroep_grondslag,
    CASE WHEN personen >= 10 THEN CAST(round(banen, 1) AS DOUBLE) END AS banen,
    CASE WHEN personen >= 10 THEN personen END AS personen,
    personen < 10 AS onderdrukt
FROM staging.microdata_aggregaat
ORDER BY ALL;

COMMENT ON TABLE marts.microdata_banen IS 'Banen (25.5-hour rule) and persons per quarter, region, category, sector and ground, from the payroll extract. Disclosure control: a cell resting on fewer than 10 persons shows NULL and onderdrukt = true. The sample extract is synthetic.';
COMMENT ON COLUMN marts.microdata_banen.kwartaal IS 'Quarter, or 2012Q4 for the baseline.';
COMMENT ON COLUMN marts.microdata_banen.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools. 2012-12-31 for the baseline.';
COMMENT ON COLUMN marts.microdata_banen.regiocode IS 'Arbeidsmarktregio.';
COMMENT ON COLUMN marts.microdata_banen.categorie IS 'regulier_overheid, regulier_markt or inleen; NULL for register persons without a paid job.';
COMMENT ON COLUMN marts.microdata_banen.sector IS 'markt or one of the 13 public sectors.';
COMMENT ON COLUMN marts.microdata_banen.doelgroep_grondslag IS 'Ground of the register entry.';
COMMENT ON COLUMN marts.microdata_banen.banen IS 'Banen, one decimal; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_banen.personen IS 'Distinct persons; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_banen.onderdrukt IS 'True when the cell rests on fewer than 10 persons and is suppressed.';
