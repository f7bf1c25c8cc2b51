-- referentie.publicaties: what was published in words where no figure was found: the law's changes
-- and its entry into force, and statements on years whose exact figures are not in sources/reference.
CREATE OR REPLACE TABLE referentie.publicaties AS
SELECT CAST(datum AS DATE) AS datum, onderwerp::VARCHAR AS onderwerp, TRY_CAST(jaar AS INTEGER) AS jaar,
       uitspraak::VARCHAR AS uitspraak, uitspraak_en::VARCHAR AS uitspraak_en, kenmerk::VARCHAR AS kenmerk,
       bron::VARCHAR AS bron_url,
       opmerking::VARCHAR AS opmerking
FROM read_csv($reference_dir || '/publicaties.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY datum, onderwerp;
