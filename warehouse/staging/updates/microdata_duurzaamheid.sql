-- Follow the persons of quarter $kwartaal to $later, four quarters on, straight over the extract's
-- Parquet files of those two quarters ($bestanden). One quarter at a time: the join holds two
-- quarters' persons, not the whole extract's, so it stays in memory at any extract size.
-- No pseudonym leaves this statement.
INSERT INTO staging.microdata_duurzaamheid
WITH gelezen AS (
    SELECT kwartaal, contractsoort, sector, persoon_id, werkgever_id
    FROM read_parquet($bestanden, hive_partitioning = true)
    WHERE verloonde_uren > 0 AND contractsoort IS NOT NULL
),
banen AS (
    SELECT DISTINCT
        CASE
            WHEN contractsoort = 'inleen' THEN 'inleen'
            WHEN sector = 'markt' THEN 'regulier_markt'
            ELSE 'regulier_overheid'
        END AS categorie,
        sector,
        persoon_id,
        werkgever_id
    FROM gelezen
    WHERE kwartaal = $kwartaal
),
later AS (
    SELECT DISTINCT persoon_id, werkgever_id FROM gelezen WHERE kwartaal = $later
),
per_persoon AS (
    -- per person in each cell, and per person in the country (categorie and sector NULL): a person
    -- with jobs in several cells counts once nationally
    SELECT
        b.categorie, b.sector, b.persoon_id,
        bool_or(l.persoon_id IS NOT NULL) AS behouden,
        bool_or(l.werkgever_id = b.werkgever_id) AS zelfde_werkgever
    FROM banen AS b
    LEFT JOIN later AS l ON l.persoon_id = b.persoon_id
    GROUP BY GROUPING SETS ((b.categorie, b.sector, b.persoon_id), (b.persoon_id))
)
SELECT $kwartaal AS kwartaal, coalesce(categorie, 'totaal') AS categorie, coalesce(sector, 'totaal') AS sector,
       count(*) AS personen,
       count(*) FILTER (WHERE behouden) AS personen_na_4_kwartalen,
       count(*) FILTER (WHERE zelfde_werkgever) AS personen_na_4_kwartalen_zelfde_werkgever
FROM per_persoon
GROUP BY ALL;
