-- Report, question 1: the Rijk per organisation in one quarter ($kwartaal), Totaal Rijk last.
SELECT organisatie, taakstelling, realisatie, realisatie_pct, tekort, is_totaal, herkomst
FROM marts.realisatie_rijk
WHERE kwartaal = $kwartaal
ORDER BY is_totaal, realisatie_pct
