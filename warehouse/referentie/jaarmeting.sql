-- referentie.jaarmeting: UWV's published yearly measurements (inleen attributed to overheid or markt).
CREATE OR REPLACE TABLE referentie.jaarmeting AS
SELECT jaar::INTEGER AS jaar,
       TRY_CAST(extra_banen_overheid AS BIGINT) AS extra_banen_overheid,
       TRY_CAST(extra_banen_markt AS BIGINT) AS extra_banen_markt,
       TRY_CAST(extra_banen_totaal AS BIGINT) AS extra_banen_totaal,
       bron::VARCHAR AS bron_url, opmerking::VARCHAR AS opmerking
FROM read_csv($reference_dir || '/published_jaarmeting.csv', header = true, all_varchar = true)
ORDER BY jaar;
