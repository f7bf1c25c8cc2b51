-- Frame for suite marts_jaarmeting_vergelijking.
SELECT v.*, verschil_markt - (schatting_markt - jaarmeting_markt) AS controle_verschil_markt
FROM marts.jaarmeting_vergelijking AS v
ORDER BY jaar
