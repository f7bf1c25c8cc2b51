-- Report, headline figures: UWV's last national quarterly figure, beside the figure printed for it.
SELECT l.kwartaal, l.extra_banen_totaal, g.waarde AS gepubliceerd, g.bron_url
FROM marts.landelijk_kwartaal AS l
LEFT JOIN referentie.gepubliceerd_kwartaal AS g ON g.kwartaal = l.kwartaal AND g.maat = 'extra_banen_totaal'
ORDER BY l.kwartaal DESC
LIMIT 1
