-- Report, headline figures: the official measure of one year ($jaar) per segment, with the year's
-- target and how the value is known (as printed, or derived from printed figures).
SELECT o.segment, o.waarde, o.herkomst, o.afleiding, o.bron_url,
       CASE o.segment WHEN 'markt' THEN d.doel_markt WHEN 'overheid' THEN d.doel_overheid ELSE d.doel_totaal END
           AS doel
FROM marts.officiele_meting AS o
LEFT JOIN referentie.doelen AS d ON d.jaar = o.jaar
WHERE o.jaar = $jaar AND o.kwartaal IS NULL
