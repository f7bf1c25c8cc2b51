-- Report: what was published in words ($onderwerp: wet, jaarmeting, sectoren), oldest first.
SELECT datum, jaar, uitspraak, bron_url, opmerking
FROM referentie.publicaties
WHERE onderwerp = $onderwerp
ORDER BY datum
