-- Report, table of the 35 regions in the last quarter.
SELECT kwartaal, regiocode, regio, extra_banen_totaal, verandering_jaar, extra_banen_per_100_doelgroep
FROM marts.realisatie_regio
WHERE kwartaal = (SELECT max(kwartaal) FROM marts.realisatie_regio)
ORDER BY regiocode
