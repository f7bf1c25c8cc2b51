-- Recompute versie and is_actueel for one quarter after a delivery: the latest publication is current.
UPDATE staging.uwv_kwartaal AS u
SET versie = v.versie, is_actueel = v.versie = v.aantal
FROM (
    SELECT bestand,
           dense_rank() OVER (ORDER BY publicatiedatum, bestand) AS versie,
           count(DISTINCT bestand) OVER () AS aantal
    FROM (SELECT DISTINCT bestand, publicatiedatum FROM staging.uwv_kwartaal WHERE kwartaal = $periode)
) AS v
WHERE u.kwartaal = $periode AND u.bestand = v.bestand;
