-- Report: the jaarmetingen published in figures by the day of reading ($per), oldest first.
SELECT jaar, gepubliceerd_op, datum_herkomst, extra_banen_overheid, extra_banen_markt, extra_banen_totaal,
       bron_url
FROM referentie.jaarmeting
WHERE gepubliceerd_op <= $per
ORDER BY jaar
