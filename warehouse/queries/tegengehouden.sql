-- The marts whose latest check failed a critical rule, with the rules they broke (details: JSON).
-- What a failed check holds back: the mart and every mart that reads it (marts.held_back).
SELECT asset, details
FROM meta.validaties
WHERE asset LIKE 'marts/%' AND bestand IS NULL
QUALIFY row_number() OVER (PARTITION BY asset ORDER BY gevalideerd_op DESC) = 1 AND NOT success
ORDER BY asset
