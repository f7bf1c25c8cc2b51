-- marts.realisatie_sector: per year, each public sector, government as a whole and the market against
-- their targets.
CREATE OR REPLACE TABLE marts.realisatie_sector AS
WITH sectoren AS (
    SELECT jaar, sector, 'sector' AS niveau, taakstelling, realisatie,
           CAST(NULL AS BIGINT) AS jaarmeting, 'sector_rapportage' AS bron, 'synthetisch' AS herkomst
    FROM staging.sector_rapportage
    WHERE is_actueel
),
overheid AS (
    SELECT s.jaar, 'Overheid' AS sector, 'overheid' AS niveau,
           CAST(sum(s.taakstelling) AS BIGINT) AS taakstelling, CAST(sum(s.realisatie) AS BIGINT) AS realisatie,
           any_value(j.extra_banen_overheid) AS jaarmeting,
           'som sector_rapportage; jaarmeting ernaast' AS bron,
           CASE WHEN any_value(j.extra_banen_overheid) IS NULL THEN 'som_sectoren' ELSE 'gepubliceerd' END AS herkomst
    FROM sectoren AS s
    LEFT JOIN referentie.jaarmeting AS j ON j.jaar = s.jaar
    GROUP BY s.jaar
),
markt AS (
    SELECT j.jaar, 'Markt' AS sector, 'markt' AS niveau, d.doel_markt AS taakstelling,
           j.extra_banen_markt AS realisatie, j.extra_banen_markt AS jaarmeting,
           'jaarmeting' AS bron, 'gepubliceerd' AS herkomst
    FROM referentie.jaarmeting AS j
    LEFT JOIN referentie.doelen AS d ON d.jaar = j.jaar
    WHERE j.extra_banen_markt IS NOT NULL
),
alles AS (
    SELECT * FROM sectoren UNION ALL SELECT * FROM overheid UNION ALL SELECT * FROM markt
)
SELECT
    jaar,
    make_date(jaar, 12, 31) AS peildatum,
    sector,
    niveau,
    taakstelling,
    realisatie,
    CAST(round(100.0 * realisatie / nullif(taakstelling, 0), 1) AS DOUBLE) AS realisatie_pct,
    CAST(greatest(taakstelling - realisatie, 0) AS BIGINT) AS tekort,
    jaarmeting,
    CAST(realisatie - jaarmeting AS BIGINT) AS verschil_jaarmeting,
    bron,
    herkomst
FROM alles
ORDER BY jaar, CASE niveau WHEN 'sector' THEN 0 WHEN 'overheid' THEN 1 ELSE 2 END, sector;

COMMENT ON TABLE marts.realisatie_sector IS 'Realisation against target per year: the 13 public sectors (synthetic split in the sample data), Overheid (sum of the sectors, beside the published jaarmeting) and Markt (published jaarmeting against its target).';
COMMENT ON COLUMN marts.realisatie_sector.jaar IS 'Year (as at 31 December).';
COMMENT ON COLUMN marts.realisatie_sector.peildatum IS '31 December of the year (the date the yearly figures measure), the time axis for BI tools.';
COMMENT ON COLUMN marts.realisatie_sector.sector IS 'One of the 13 public sectors, Overheid or Markt.';
COMMENT ON COLUMN marts.realisatie_sector.niveau IS 'sector (one public sector), overheid (all government) or markt.';
COMMENT ON COLUMN marts.realisatie_sector.taakstelling IS 'Target in extra banen: the sector report''s, their sum for Overheid, referentie.doelen for Markt (NULL where none).';
COMMENT ON COLUMN marts.realisatie_sector.realisatie IS 'Extra banen since the nulmeting: the sector report''s, their sum for Overheid, the jaarmeting for Markt.';
COMMENT ON COLUMN marts.realisatie_sector.realisatie_pct IS '100 * realisatie / taakstelling, one decimal.';
COMMENT ON COLUMN marts.realisatie_sector.tekort IS 'taakstelling - realisatie, never below 0.';
COMMENT ON COLUMN marts.realisatie_sector.jaarmeting IS 'Published UWV jaarmeting for Overheid and Markt; NULL for single sectors or where not printed.';
COMMENT ON COLUMN marts.realisatie_sector.verschil_jaarmeting IS 'realisatie - jaarmeting.';
COMMENT ON COLUMN marts.realisatie_sector.bron IS 'Where the row comes from.';
COMMENT ON COLUMN marts.realisatie_sector.herkomst IS 'gepubliceerd (published totals; for Overheid: the sum of the sector reports, which equals the published jaarmeting), som_sectoren (Overheid in a year without a published jaarmeting: the sum of the sector reports only) or synthetisch (the split over sectors in the sample data is made up, consistent with the published totals).';
