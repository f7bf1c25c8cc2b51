-- Read-only: the periods of a supplier ($bron) of which a delivery was loaded (banen_pipeline/defs/assets.py,
-- the check levering_op_tijd).
SELECT DISTINCT periode
FROM meta.leveringen
WHERE bron = $bron AND status = 'geladen'
ORDER BY periode
