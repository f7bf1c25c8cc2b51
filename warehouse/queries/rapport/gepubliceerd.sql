-- Report, printed figures beside ours: every figure in sources/reference with the warehouse's value and
-- whether they agree; a jaarmeting beside the official series, with the quarterly estimate of that year
-- (marts.jaarmeting_vergelijking: the quarterly figures with inleen split by the key) apart; reden: why a
-- printed sector figure differs, where its source says.
SELECT r.bron, r.periode, r.maat, r.gepubliceerd,
       CASE WHEN r.bron = 'published_jaarmeting' THEN o.waarde ELSE r.warehouse END AS ons,
       CASE WHEN r.bron = 'published_jaarmeting' THEN
            CASE WHEN o.waarde IS NULL THEN 'niet_beschikbaar'
                 WHEN abs(o.waarde - r.gepubliceerd) < r.tolerantie THEN 'gelijk' ELSE 'verschil' END
            ELSE r.status END AS status,
       CASE r.maat WHEN 'extra_banen_overheid' THEN v.schatting_overheid
                   WHEN 'extra_banen_markt' THEN v.schatting_markt
                   ELSE v.schatting_overheid + v.schatting_markt END AS kwartaalschatting,
       CASE WHEN r.bron = 'published_jaarmeting' THEN 'marts.officiele_meting' ELSE r.berekend_uit END AS berekend_uit,
       r.bron_url, g.reden_verschil AS reden, g.reden_verschil_en AS reden_en
FROM marts.reconciliatie AS r
LEFT JOIN referentie.gepubliceerd_sectoren AS g
    ON r.bron = 'published_sectors' AND g.kwartaal = r.periode AND g.sector || '.' || g.maat = r.maat
LEFT JOIN marts.officiele_meting AS o
    ON r.bron = 'published_jaarmeting' AND o.kwartaal IS NULL AND o.periode = r.periode
    AND o.segment = replace(r.maat, 'extra_banen_', '')
LEFT JOIN marts.jaarmeting_vergelijking AS v
    ON r.bron = 'published_jaarmeting' AND CAST(v.jaar AS VARCHAR) = r.periode
ORDER BY r.bron, r.periode, r.maat
