-- Report: the periods the report is about: the last year with sector reports, the last quarter of the
-- Rijk monitor and of UWV's national figures, the last quarter with durability
-- figures, and whether there are projections.
SELECT (SELECT max(jaar) FROM marts.realisatie_sector WHERE niveau = 'sector') AS jaar,
       (SELECT max(kwartaal) FROM marts.realisatie_rijk) AS rijk_kwartaal,
       (SELECT max(kwartaal) FROM marts.landelijk_kwartaal) AS laatste_kwartaal,
       (SELECT max(kwartaal) FROM marts.microdata_duurzaamheid WHERE sector = 'totaal' AND NOT onderdrukt)
           AS duurzaam_kwartaal,
       (SELECT count(*) FROM marts.projectie) > 0 AS heeft_projectie
