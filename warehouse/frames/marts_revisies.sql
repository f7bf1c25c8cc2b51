-- Frame for suite marts_revisies: consecutive versions, differences that add up.
SELECT m.*,
       verschil - (nieuwe_waarde - oude_waarde) AS controle_verschil,
       nieuwe_versie - oude_versie AS versie_stap
FROM marts.revisies AS m
ORDER BY kwartaal, nieuwe_versie, regiocode, maat
