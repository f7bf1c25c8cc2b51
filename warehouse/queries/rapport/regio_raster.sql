-- Report, chart "Regions over time": extra banen per 100 in the register, per region and quarter.
SELECT kwartaal, regiocode, regio, extra_banen_per_100_doelgroep
FROM marts.realisatie_regio
ORDER BY regiocode, kwartaal
