-- The printed sector figures known by $per (referentie.gepubliceerd_sectoren.gepubliceerd_op: the source's
-- date, else 30 November of the year after), by the key of sources/reference/published_sectors.csv.
-- banen report --per keeps these rows of the file (banen_pipeline/as_of.py).
SELECT sector, jaar, kwartaalnummer AS kwartaal, maat
FROM referentie.gepubliceerd_sectoren
WHERE gepubliceerd_op <= $per
