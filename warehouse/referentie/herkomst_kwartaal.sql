-- referentie.herkomst_kwartaal: per quarter and national measure, whether the sample value is as
-- printed (gepubliceerd) or interpolated between printed values (ingevuld). The reference file says
-- published/filled; the warehouse speaks one language in its values.
CREATE OR REPLACE TABLE referentie.herkomst_kwartaal AS
SELECT printf('%sQ%s', jaar, kwartaal)::VARCHAR AS kwartaal, maat::VARCHAR AS maat,
       CASE herkomst WHEN 'published' THEN 'gepubliceerd' WHEN 'filled' THEN 'ingevuld' ELSE herkomst END::VARCHAR
           AS herkomst
FROM read_csv($reference_dir || '/provenance_quarterly.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY kwartaal, maat;
