-- Report: what was published in words ($onderwerp: wet, wet_inwerkingtreding, jaarmeting, sectoren) by
-- the day of reading ($per), oldest first.
SELECT datum, jaar, uitspraak, uitspraak_en, kenmerk, bron_url, opmerking
FROM referentie.publicaties
WHERE onderwerp = $onderwerp AND datum <= $per
ORDER BY datum
