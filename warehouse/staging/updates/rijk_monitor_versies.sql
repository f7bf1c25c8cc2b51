-- Recompute versie and is_actueel for one quarter of the Rijk monitor. The monitor has no publication
-- date, so versions follow the file name: a re-delivery carries a suffix (_v2) that sorts after it.
UPDATE staging.rijk_monitor AS u
SET versie = v.versie, is_actueel = v.versie = v.aantal
FROM (
    SELECT bestand, dense_rank() OVER (ORDER BY bestand) AS versie, count(*) OVER () AS aantal
    FROM (SELECT DISTINCT bestand FROM staging.rijk_monitor WHERE kwartaal = $periode)
) AS v
WHERE u.kwartaal = $periode AND u.bestand = v.bestand;
