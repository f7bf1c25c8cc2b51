-- Follow the persons of the quarters $kwartalen to four quarters later, straight over the extract's
-- Parquet files (only the quarters in $lees are read). No pseudonym leaves this statement.
INSERT INTO staging.microdata_duurzaamheid
WITH banen AS (
    SELECT DISTINCT
        kwartaal,
        CASE
            WHEN contractsoort = 'inleen' THEN 'inleen'
            WHEN sector = 'markt' THEN 'regulier_markt'
            ELSE 'regulier_overheid'
        END AS categorie,
        sector,
        persoon_id,
        werkgever_id
    FROM read_parquet($bestanden, hive_partitioning = true)
    WHERE list_contains($lees, kwartaal) AND verloonde_uren > 0 AND contractsoort IS NOT NULL
),
later AS (
    SELECT DISTINCT kwartaal, persoon_id, werkgever_id FROM banen
),
per_persoon AS (
    -- per person in each cell, and per person in the country (categorie and sector NULL): a person
    -- with jobs in several cells counts once nationally
    SELECT
        b.kwartaal, b.categorie, b.sector, b.persoon_id,
        bool_or(l.persoon_id IS NOT NULL) AS behouden,
        bool_or(l.werkgever_id = b.werkgever_id) AS zelfde_werkgever
    FROM banen AS b
    LEFT JOIN later AS l
        ON l.persoon_id = b.persoon_id
        AND l.kwartaal = printf('%dQ%s', CAST(b.kwartaal[1:4] AS INTEGER) + 1, b.kwartaal[6])
    WHERE list_contains($kwartalen, b.kwartaal)
    GROUP BY GROUPING SETS ((b.kwartaal, b.categorie, b.sector, b.persoon_id), (b.kwartaal, b.persoon_id))
)
SELECT kwartaal, coalesce(categorie, 'totaal') AS categorie, coalesce(sector, 'totaal') AS sector,
       count(*) AS personen,
       count(*) FILTER (WHERE behouden) AS personen_na_4_kwartalen,
       count(*) FILTER (WHERE zelfde_werkgever) AS personen_na_4_kwartalen_zelfde_werkgever
FROM per_persoon
GROUP BY ALL;
