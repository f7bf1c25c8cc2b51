-- Report, question 1: the Rijk organisations that came into the monitor after its first quarter
-- (nieuw) or left it before its last (weg), with the quarter: a renamed ministry is one of each.
WITH reeks AS (
    SELECT organisatie, min(kwartaal) AS eerste, max(kwartaal) AS laatste
    FROM marts.realisatie_rijk
    WHERE NOT is_totaal
    GROUP BY organisatie
),
grenzen AS (SELECT min(eerste) AS begin, max(laatste) AS eind FROM reeks)
SELECT 'nieuw' AS wijziging, organisatie, eerste AS kwartaal FROM reeks, grenzen WHERE eerste > begin
UNION ALL
SELECT 'weg', organisatie, laatste FROM reeks, grenzen WHERE laatste < eind
ORDER BY kwartaal, wijziging, organisatie
