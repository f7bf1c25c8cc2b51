-- Report, printed figures beside ours: every figure in sources/reference with the warehouse's value and
-- whether they agree; a jaarmeting beside the official series, with the quarterly estimate apart.
SELECT r.bron, r.periode, r.maat, r.gepubliceerd,
       CASE WHEN r.bron = 'published_jaarmeting' THEN o.waarde ELSE r.warehouse END AS ons,
       CASE WHEN r.bron = 'published_jaarmeting' THEN
            CASE WHEN o.waarde IS NULL THEN 'niet_beschikbaar'
                 WHEN abs(o.waarde - r.gepubliceerd) < r.tolerantie THEN 'gelijk' ELSE 'verschil' END
            ELSE r.status END AS status,
       CASE WHEN r.bron = 'published_jaarmeting' THEN r.warehouse END AS kwartaalschatting,
       CASE WHEN r.bron = 'published_jaarmeting' THEN 'marts.officiele_meting' ELSE r.berekend_uit END AS berekend_uit,
       r.bron_url
FROM marts.reconciliatie AS r
LEFT JOIN marts.officiele_meting AS o
    ON r.bron = 'published_jaarmeting' AND o.kwartaal IS NULL AND o.periode = r.periode
    AND o.segment = replace(r.maat, 'extra_banen_', '')
ORDER BY r.bron, r.periode, r.maat
