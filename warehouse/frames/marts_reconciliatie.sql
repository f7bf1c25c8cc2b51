-- Frame for suite marts_reconciliatie: published national quarterly figures must be gelijk.
SELECT r.*, CASE WHEN bron = 'published_quarterly' THEN status END AS status_landelijk
FROM marts.reconciliatie AS r
ORDER BY bron, periode, maat
