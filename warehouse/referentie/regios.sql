-- referentie.regios: the 35 arbeidsmarktregio's.
CREATE OR REPLACE TABLE referentie.regios AS
SELECT code::VARCHAR AS regiocode, naam::VARCHAR AS regio,
       CAST(NULL AS VARCHAR) AS bron_url
FROM read_csv($reference_dir || '/arbeidsmarktregios.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY regiocode;
