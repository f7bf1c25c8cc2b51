-- Every loaded delivery with the day it counts as published, as docs/methods.md dates them (the one
-- place these rules are written): a UWV delivery by its Publicatiedatum, a Rijk monitor by its Stand
-- date (staging.rijk_monitor.peildatum), a yearly sector report on 30 November of the year after
-- (BZK's yearly letter). banen report --per builds a warehouse of those published by its day
-- (banen_pipeline/as_of.py).
WITH rijk AS (
    SELECT DISTINCT bestand, peildatum FROM staging.rijk_monitor
)
SELECT l.sha256, l.bron, l.periode, l.bestand,
       CASE l.bron
           WHEN 'uwv' THEN l.publicatiedatum
           WHEN 'rijk' THEN rijk.peildatum
           WHEN 'sectoren' THEN make_date(CAST(l.periode AS INTEGER) + 1, 11, 30)
       END AS gepubliceerd_op
FROM meta.leveringen AS l
LEFT JOIN rijk ON rijk.bestand = l.bestand
WHERE l.status = 'geladen'
ORDER BY l.bron, l.periode
