-- Frame for suite marts_realisatie_rijk.
SELECT m.*,
       (jaar * 4 + CAST(right(kwartaal, 1) AS INTEGER))
         - lag(jaar * 4 + CAST(right(kwartaal, 1) AS INTEGER)) OVER (PARTITION BY organisatie ORDER BY kwartaal)
         AS kwartalen_sinds_vorige,
       realisatie_pct - round(100.0 * realisatie / nullif(taakstelling, 0), 1) AS verschil_realisatie_pct
FROM marts.realisatie_rijk AS m
ORDER BY kwartaal, organisatie
