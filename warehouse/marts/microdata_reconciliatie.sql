-- marts.microdata_reconciliatie: extra banen from the extract beside UWV's delivered figures.
CREATE OR REPLACE TABLE marts.microdata_reconciliatie AS
WITH cellen AS (
    SELECT kwartaal, regiocode, categorie, sum(banen) AS banen, sum(personen) AS personen
    FROM staging.microdata_aggregaat WHERE categorie IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT kwartaal, 'NL', categorie, sum(banen), sum(personen)
    FROM staging.microdata_aggregaat WHERE categorie IS NOT NULL
    GROUP BY ALL
),
extra AS (
    SELECT c.kwartaal, c.regiocode, c.categorie, c.banen - b.banen AS uit_microdata, c.personen
    FROM cellen AS c
    JOIN cellen AS b ON b.kwartaal = '2012Q4' AND b.regiocode = c.regiocode AND b.categorie = c.categorie
    WHERE c.kwartaal <> '2012Q4'
),
geleverd AS (
    UNPIVOT (
        SELECT kwartaal, regiocode, extra_banen_regulier_overheid AS regulier_overheid,
               extra_banen_regulier_markt AS regulier_markt, extra_banen_inleen AS inleen
        FROM staging.uwv_kwartaal WHERE is_actueel
    ) ON regulier_overheid, regulier_markt, inleen INTO NAME categorie VALUE geleverd
)
SELECT
    e.kwartaal,
    periode_einde(e.kwartaal) AS peildatum,
    e.regiocode,
    e.categorie,
    CASE WHEN e.personen >= 10 THEN CAST(round(e.uit_microdata, 1) AS DOUBLE) END AS uit_microdata,
    CAST(g.geleverd AS BIGINT) AS geleverd,
    CASE WHEN e.personen >= 10 THEN CAST(round(e.uit_microdata - g.geleverd, 1) AS DOUBLE) END AS verschil,
    e.personen < 10 AS onderdrukt
FROM extra AS e
LEFT JOIN geleverd AS g USING (kwartaal, regiocode, categorie)
ORDER BY ALL;

COMMENT ON TABLE marts.microdata_reconciliatie IS 'Extra banen computed from the payroll extract (banen in the quarter minus banen in 2012Q4, per region and category) beside the figure UWV delivered. Cells resting on fewer than 10 persons are suppressed. The sample extract is synthetic, calibrated on the deliveries.';
COMMENT ON COLUMN marts.microdata_reconciliatie.kwartaal IS 'Quarter.';
COMMENT ON COLUMN marts.microdata_reconciliatie.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.microdata_reconciliatie.regiocode IS 'Arbeidsmarktregio, or NL for the sum.';
COMMENT ON COLUMN marts.microdata_reconciliatie.categorie IS 'regulier_overheid, regulier_markt or inleen.';
COMMENT ON COLUMN marts.microdata_reconciliatie.uit_microdata IS 'Extra banen from the extract, one decimal; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_reconciliatie.geleverd IS 'Extra banen in the current UWV delivery (staging.uwv_kwartaal).';
COMMENT ON COLUMN marts.microdata_reconciliatie.verschil IS 'uit_microdata - geleverd; NULL when suppressed.';
COMMENT ON COLUMN marts.microdata_reconciliatie.onderdrukt IS 'True when the cell rests on fewer than 10 persons.';
