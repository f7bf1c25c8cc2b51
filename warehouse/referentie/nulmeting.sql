-- referentie.nulmeting: the baseline of 31-12-2012.
CREATE OR REPLACE TABLE referentie.nulmeting AS
SELECT maat::VARCHAR AS maat, waarde::BIGINT AS waarde, peildatum::DATE AS peildatum, bron::VARCHAR AS bron_url
FROM read_csv($reference_dir || '/nulmeting.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY maat;
