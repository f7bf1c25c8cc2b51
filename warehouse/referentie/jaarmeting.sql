-- referentie.jaarmeting: UWV's published yearly measurements (inleen attributed to overheid or markt),
-- with the day each became known: the date of its source where the source gives one, else by rule
-- 1 July of the year after (UWV publishes the jaarmeting in June or July), marked in datum_herkomst.
CREATE OR REPLACE TABLE referentie.jaarmeting AS
SELECT jaar::INTEGER AS jaar,
       TRY_CAST(extra_banen_overheid AS BIGINT) AS extra_banen_overheid,
       TRY_CAST(extra_banen_markt AS BIGINT) AS extra_banen_markt,
       TRY_CAST(extra_banen_totaal AS BIGINT) AS extra_banen_totaal,
       coalesce(TRY_CAST(gepubliceerd_op AS DATE), make_date(jaar::INTEGER + 1, 7, 1)) AS gepubliceerd_op,
       CASE WHEN TRY_CAST(gepubliceerd_op AS DATE) IS NULL THEN 'regel' ELSE 'bron' END AS datum_herkomst,
       bron::VARCHAR AS bron_url, opmerking::VARCHAR AS opmerking
FROM read_csv($reference_dir || '/published_jaarmeting.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY jaar;
