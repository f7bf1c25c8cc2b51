-- referentie.gepubliceerd_sectoren: printed figures for single public sectors, with the name the
-- sector reports give the sector (the print says MBO for Middelbaar beroepsonderwijs), and the day
-- each became known: its source's date, else by rule 30 November of the year after (BZK's yearly
-- letter on the public sectors reaches parliament in November), marked in datum_herkomst.
CREATE OR REPLACE TABLE referentie.gepubliceerd_sectoren AS
SELECT sector::VARCHAR AS sector,
       CASE sector WHEN 'MBO' THEN 'Middelbaar beroepsonderwijs' ELSE sector END::VARCHAR AS sector_naam,
       jaar::INTEGER AS jaar, kwartaal::INTEGER AS kwartaalnummer,
       printf('%sQ%s', jaar, kwartaal)::VARCHAR AS kwartaal, maat::VARCHAR AS maat,
       waarde::DOUBLE AS waarde,
       coalesce(TRY_CAST(gepubliceerd_op AS DATE), make_date(jaar::INTEGER + 1, 11, 30)) AS gepubliceerd_op,
       CASE WHEN TRY_CAST(gepubliceerd_op AS DATE) IS NULL THEN 'regel' ELSE 'bron' END AS datum_herkomst,
       bron::VARCHAR AS bron_url, opmerking::VARCHAR AS opmerking,
       nullif(reden_verschil, '')::VARCHAR AS reden_verschil, nullif(reden_verschil_en, '')::VARCHAR AS reden_verschil_en
FROM read_csv($reference_dir || '/published_sectors.csv', header = true, all_varchar = true, delim = ',', quote = '"')
ORDER BY sector, kwartaal, maat;
