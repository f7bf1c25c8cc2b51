-- referentie.gepubliceerd_kwartaal: national quarterly figures as printed in public sources.
CREATE OR REPLACE TABLE referentie.gepubliceerd_kwartaal AS
SELECT printf('%sQ%s', jaar, kwartaal)::VARCHAR AS kwartaal, maat::VARCHAR AS maat,
       waarde::BIGINT AS waarde, bron::VARCHAR AS bron_url, opmerking::VARCHAR AS opmerking
FROM read_csv($reference_dir || '/published_quarterly.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY kwartaal, maat;
