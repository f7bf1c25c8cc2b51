-- Report: the targets as printed (not the years the law's final target is kept for), oldest first.
SELECT jaar, doel_markt, doel_overheid, doel_totaal, bron_url
FROM referentie.doelen
WHERE herkomst = 'gepubliceerd'
ORDER BY jaar
