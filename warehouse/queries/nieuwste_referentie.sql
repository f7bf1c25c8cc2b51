-- The newest printed figure among the reference facts: the jaarmetingen and the sector figures by
-- gepubliceerd_op (their source's date, else the rule). With the deliveries' dates
-- (leveringen_gedateerd.sql), the newest publication a warehouse's figures rest on.
SELECT bron, datum FROM (
    SELECT 'referentie.jaarmeting ' || max_by(jaar, gepubliceerd_op) AS bron, max(gepubliceerd_op) AS datum
    FROM referentie.jaarmeting
    UNION ALL
    SELECT 'referentie.gepubliceerd_sectoren ' || max_by(kwartaal, gepubliceerd_op), max(gepubliceerd_op)
    FROM referentie.gepubliceerd_sectoren
)
WHERE datum IS NOT NULL
