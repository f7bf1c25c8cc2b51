-- referentie.doelen: the banenafspraak targets per year (extra banen since 31-12-2012).
CREATE OR REPLACE TABLE referentie.doelen AS
SELECT jaar::INTEGER AS jaar, doel_markt::BIGINT AS doel_markt, doel_overheid::BIGINT AS doel_overheid,
       doel_totaal::BIGINT AS doel_totaal, bron::VARCHAR AS bron_url
FROM read_csv($reference_dir || '/targets.csv', header = true, all_varchar = true)
ORDER BY jaar;
