-- referentie.inleen_verdeelsleutel: SEO's split of agency work and secondment over overheid and markt.
CREATE OR REPLACE TABLE referentie.inleen_verdeelsleutel AS
SELECT peildatum::DATE AS peildatum, aandeel_overheid::DOUBLE AS aandeel_overheid,
       aandeel_markt::DOUBLE AS aandeel_markt, bron::VARCHAR AS bron_url
FROM read_csv($reference_dir || '/inleen_verdeelsleutel.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY peildatum;
