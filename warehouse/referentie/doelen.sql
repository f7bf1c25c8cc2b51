-- referentie.doelen: the banenafspraak targets per year (extra banen since 31-12-2012), as printed,
-- and for every year without a printed row up to 2040 the law's final targets (the latest printed
-- row: markt 100,000, overheid 25,000), marked as such in herkomst.
CREATE OR REPLACE TABLE referentie.doelen AS
WITH gedrukt AS (
    SELECT jaar::INTEGER AS jaar, doel_markt::BIGINT AS doel_markt, doel_overheid::BIGINT AS doel_overheid,
           doel_totaal::BIGINT AS doel_totaal, bron::VARCHAR AS bron_url
    FROM read_csv($reference_dir || '/targets.csv', header = true, all_varchar = true, delim = ',', quote = '"')
),
eind AS (SELECT * FROM gedrukt ORDER BY jaar DESC LIMIT 1)
SELECT j.jaar,
       coalesce(g.doel_markt, e.doel_markt) AS doel_markt,
       coalesce(g.doel_overheid, e.doel_overheid) AS doel_overheid,
       coalesce(g.doel_totaal, e.doel_totaal) AS doel_totaal,
       coalesce(g.bron_url, e.bron_url) AS bron_url,
       CASE WHEN g.jaar IS NULL THEN 'wettelijk_eindniveau' ELSE 'gepubliceerd' END AS herkomst
FROM (SELECT range::INTEGER AS jaar FROM range((SELECT min(jaar) FROM gedrukt), 2041)) AS j
LEFT JOIN gedrukt AS g USING (jaar)
CROSS JOIN eind AS e
ORDER BY j.jaar;
