-- Report: what the data runs to, and what no published source fills: the years that are over
-- (their fourth quarter is in UWV's figures) without a printed or derived jaarmeting, and the years
-- of the data or of a projected target without a printed target (referentie.doelen keeps the law's
-- final target for them).
WITH laatste AS (SELECT max(kwartaal) AS kwartaal FROM marts.landelijk_kwartaal),
jaarmeting AS (
    SELECT max(jaar) AS jaar FROM marts.officiele_meting
    WHERE kwartaal IS NULL AND herkomst IN ('gepubliceerd', 'afgeleid')
),
jaren AS (
    SELECT DISTINCT CAST(left(kwartaal, 4) AS INTEGER) AS jaar FROM marts.landelijk_kwartaal
),
doeljaren AS (
    SELECT jaar FROM referentie.doelen
    WHERE herkomst = 'wettelijk_eindniveau'
      AND jaar <= greatest((SELECT max(jaar) FROM jaren),
                           (SELECT max(CAST(left(kwartaal, 4) AS INTEGER)) FROM marts.projectie_doel))
)
SELECT (SELECT kwartaal FROM laatste) AS laatste_kwartaal,
       (SELECT max(peildatum) FROM marts.landelijk_kwartaal) AS laatste_peildatum,
       (SELECT max(kwartaal) FROM marts.realisatie_rijk) AS rijk_kwartaal,
       (SELECT max(jaar) FROM marts.realisatie_sector WHERE niveau = 'sector') AS sector_jaar,
       list(j.jaar ORDER BY j.jaar) FILTER (
           WHERE j.jaar > coalesce((SELECT jaar FROM jaarmeting), 0)
             AND EXISTS (SELECT 1 FROM marts.landelijk_kwartaal AS l WHERE l.kwartaal = j.jaar || 'Q4')
       ) AS jaren_zonder_jaarmeting,
       (SELECT list(jaar ORDER BY jaar) FROM doeljaren) AS jaren_zonder_taakstelling
FROM jaren AS j
