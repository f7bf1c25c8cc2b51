-- marts.reconciliatie: every published figure in sources/reference beside what the warehouse computes.
CREATE OR REPLACE TABLE marts.reconciliatie AS
WITH landelijk AS (
    -- every version of every quarter: a printed figure may come from a version later revised
    UNPIVOT (
        SELECT kwartaal, versie, is_actueel, bestand,
               CAST(doelgroep_personen AS DOUBLE) AS doelgroep_personen,
               CAST(doelgroep_personen AS DOUBLE) AS doelgroepregister_personen,
               CAST(werkzame_personen AS DOUBLE) AS werkzame_personen,
               CAST(extra_banen_regulier_overheid AS DOUBLE) AS extra_banen_regulier_overheid,
               CAST(extra_banen_regulier_markt AS DOUBLE) AS extra_banen_regulier_markt,
               CAST(extra_banen_regulier_overheid + extra_banen_regulier_markt AS DOUBLE) AS extra_banen_regulier,
               CAST(extra_banen_inleen AS DOUBLE) AS extra_banen_inleen,
               CAST(extra_banen_totaal AS DOUBLE) AS extra_banen_totaal,
               CAST(banen_totaal AS DOUBLE) AS banen_totaal
        FROM staging.uwv_kwartaal
        WHERE regiocode = 'NL'
    ) ON COLUMNS(* EXCLUDE (kwartaal, versie, is_actueel, bestand)) INTO NAME maat VALUE waarde
),
kwartaal AS (
    -- the current version, unless an earlier version equals the printed figure
    SELECT 'published_quarterly' AS bron, g.kwartaal AS periode, g.maat, CAST(g.waarde AS DOUBLE) AS gepubliceerd,
           l.waarde AS warehouse, 0.5 AS tolerantie,
           CASE WHEN l.is_actueel THEN 'marts.landelijk_kwartaal (current version)'
                ELSE printf('staging.uwv_kwartaal version %d (%s), since revised; current: %.0f',
                            l.versie, l.bestand, cur.waarde)
           END AS berekend_uit,
           g.bron_url
    FROM referentie.gepubliceerd_kwartaal AS g
    LEFT JOIN landelijk AS cur ON cur.kwartaal = g.kwartaal AND cur.maat = g.maat AND cur.is_actueel
    LEFT JOIN landelijk AS l ON l.kwartaal = g.kwartaal AND l.maat = g.maat
        AND (l.is_actueel OR l.waarde = g.waarde)
    QUALIFY row_number() OVER (PARTITION BY g.kwartaal, g.maat ORDER BY l.waarde = g.waarde DESC, l.is_actueel DESC) = 1
),
jaar AS (
    SELECT 'published_jaarmeting' AS bron, CAST(j.jaar AS VARCHAR) AS periode, m.maat, m.gepubliceerd, m.warehouse,
           0.5 AS tolerantie, m.berekend_uit, j.bron_url
    FROM referentie.jaarmeting AS j
    LEFT JOIN marts.realisatie_sector AS o ON o.jaar = j.jaar AND o.niveau = 'overheid'
    LEFT JOIN marts.jaarmeting_vergelijking AS v ON v.jaar = j.jaar
    LEFT JOIN marts.landelijk_kwartaal AS l ON l.kwartaal = printf('%dQ4', j.jaar),
    LATERAL (VALUES
        ('extra_banen_overheid', CAST(j.extra_banen_overheid AS DOUBLE), CAST(o.realisatie AS DOUBLE),
         'marts.realisatie_sector (Overheid = sum of the 13 sector reports)'),
        ('extra_banen_markt', CAST(j.extra_banen_markt AS DOUBLE), v.schatting_markt,
         'marts.jaarmeting_vergelijking (Q4 trend figures, inleen attributed by SEO''s key)'),
        ('extra_banen_totaal', CAST(j.extra_banen_totaal AS DOUBLE), CAST(l.extra_banen_totaal AS DOUBLE),
         'marts.landelijk_kwartaal (Q4 trend figure)')
    ) AS m(maat, gepubliceerd, warehouse, berekend_uit)
    WHERE m.gepubliceerd IS NOT NULL
),
sectoren AS (
    SELECT 'published_sectors' AS bron,
           g.kwartaal AS periode, g.sector || '.' || g.maat AS maat, g.waarde AS gepubliceerd,
           CASE
               WHEN g.maat = 'taakstelling_banen' THEN coalesce(CAST(r.taakstelling AS DOUBLE), CAST(s.taakstelling AS DOUBLE))
               WHEN g.maat = 'realisatie_banen' THEN coalesce(r.realisatie, CAST(s.realisatie AS DOUBLE))
               WHEN g.maat = 'realisatie_pct' THEN coalesce(r.realisatie_pct, s.realisatie_pct)
           END AS warehouse,
           -- a printed percentage is a whole number, rounded or cut off: within 1 point it agrees
           CASE WHEN g.maat = 'realisatie_pct' THEN 1.0 ELSE 0.5 END AS tolerantie,
           CASE
               WHEN g.maat = 'taakstelling_banen_jaar' THEN 'not in the warehouse: a yearly allocation, the reports give the cumulative target'
               WHEN r.kwartaal IS NOT NULL THEN 'marts.realisatie_rijk (Totaal Rijk)'
               WHEN s.jaar IS NOT NULL THEN 'marts.realisatie_sector (sector report of the year, Q4)'
           END AS berekend_uit,
           g.bron_url
    FROM referentie.gepubliceerd_sectoren AS g
    LEFT JOIN marts.realisatie_rijk AS r
        ON g.sector = 'Rijk' AND r.is_totaal AND r.kwartaal = g.kwartaal
    LEFT JOIN marts.realisatie_sector AS s
        ON s.niveau = 'sector' AND s.sector = g.sector_naam AND s.jaar = g.jaar AND g.kwartaalnummer = 4
),
alles AS (
    SELECT bron, periode, maat, gepubliceerd, warehouse, tolerantie, berekend_uit, bron_url FROM kwartaal
    UNION ALL SELECT bron, periode, maat, gepubliceerd, warehouse, tolerantie, berekend_uit, bron_url FROM jaar
    UNION ALL SELECT bron, periode, maat, gepubliceerd, warehouse, tolerantie, berekend_uit, bron_url FROM sectoren
)
SELECT
    bron,
    periode,
    periode_einde(periode) AS peildatum,
    maat,
    gepubliceerd,
    CAST(warehouse AS DOUBLE) AS warehouse,
    CAST(round(warehouse - gepubliceerd, 1) AS DOUBLE) AS verschil,
    CASE
        WHEN warehouse IS NULL THEN 'niet_beschikbaar'
        WHEN abs(warehouse - gepubliceerd) < tolerantie THEN 'gelijk'
        ELSE 'verschil'
    END AS status,
    CAST(tolerantie AS DOUBLE) AS tolerantie,
    coalesce(berekend_uit, 'no delivery for this period in the warehouse') AS berekend_uit,
    bron_url
FROM alles
ORDER BY bron, periode, maat;

COMMENT ON TABLE marts.reconciliatie IS 'Every published figure in sources/reference (quarterly national figures, jaarmetingen, sector figures) beside the value the warehouse computes. Differences are explained in the README (section Reconciliation).';
COMMENT ON COLUMN marts.reconciliatie.bron IS 'Reference file: published_quarterly, published_jaarmeting or published_sectors.';
COMMENT ON COLUMN marts.reconciliatie.periode IS 'Quarter (2019Q3) or year (2022).';
COMMENT ON COLUMN marts.reconciliatie.peildatum IS 'End of the period: the last day of the quarter, or 31 December of the year; the time axis for BI tools.';
COMMENT ON COLUMN marts.reconciliatie.maat IS 'Measure as named in the reference file (sector figures: sector.measure).';
COMMENT ON COLUMN marts.reconciliatie.gepubliceerd IS 'The published value.';
COMMENT ON COLUMN marts.reconciliatie.warehouse IS 'The warehouse''s value: for national quarters the current version, or an earlier version that equals the printed figure (see berekend_uit); NULL where it cannot be computed.';
COMMENT ON COLUMN marts.reconciliatie.verschil IS 'warehouse - gepubliceerd.';
COMMENT ON COLUMN marts.reconciliatie.status IS 'gelijk (within tolerantie), verschil, or niet_beschikbaar (the warehouse has no such figure).';
COMMENT ON COLUMN marts.reconciliatie.tolerantie IS 'Largest difference still gelijk: 0.5 for counts, 1 point for printed whole percentages.';
COMMENT ON COLUMN marts.reconciliatie.berekend_uit IS 'Table the warehouse value comes from, or why there is none.';
COMMENT ON COLUMN marts.reconciliatie.bron_url IS 'Public source of the published value.';
