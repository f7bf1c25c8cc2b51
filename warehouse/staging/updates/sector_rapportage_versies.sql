-- Recompute versie and is_actueel for one year of the sector reports (no publication date: by file name).
UPDATE staging.sector_rapportage AS u
SET versie = v.versie, is_actueel = v.versie = v.aantal
FROM (
    SELECT bestand, dense_rank() OVER (ORDER BY bestand) AS versie, count(*) OVER () AS aantal
    FROM (SELECT DISTINCT bestand FROM staging.sector_rapportage WHERE jaar = CAST($periode AS INTEGER))
) AS v
WHERE u.jaar = CAST($periode AS INTEGER) AND u.bestand = v.bestand;
