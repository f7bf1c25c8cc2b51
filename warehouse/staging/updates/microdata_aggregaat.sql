-- Aggregate the selected quarters of the extract straight from its Parquet files (partition pruning
-- on kwartaal=...): no row passes through Python.
INSERT INTO staging.microdata_aggregaat
SELECT
    kwartaal,
    regiocode,
    CASE
        WHEN contractsoort = 'inleen' THEN 'inleen'
        WHEN contractsoort = 'regulier' AND sector = 'markt' THEN 'regulier_markt'
        WHEN contractsoort = 'regulier' THEN 'regulier_overheid'
    END AS categorie,
    sector,
    doelgroep_grondslag,
    sum(verloonde_uren / (25.5 * weken_in_kwartaal)) AS banen,
    count(DISTINCT persoon_id) AS personen,
    count(*) AS rijen,
    max(weken_in_kwartaal) AS weken_in_kwartaal
FROM read_parquet($bestanden, hive_partitioning = true)
WHERE list_contains($kwartalen, kwartaal)
GROUP BY ALL;
