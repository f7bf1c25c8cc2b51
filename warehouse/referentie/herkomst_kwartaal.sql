-- referentie.herkomst_kwartaal: per quarter and national measure, whether the sample value is published or filled.
CREATE OR REPLACE TABLE referentie.herkomst_kwartaal AS
SELECT printf('%sQ%s', jaar, kwartaal)::VARCHAR AS kwartaal, maat::VARCHAR AS maat, herkomst::VARCHAR AS herkomst
FROM read_csv($reference_dir || '/provenance_quarterly.csv', header = true, all_varchar = true)
ORDER BY kwartaal, maat;
