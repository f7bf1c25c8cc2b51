-- Frame for suite marts_realisatie_sector.
SELECT m.*,
       jaar - lag(jaar) OVER (PARTITION BY sector ORDER BY jaar) AS jaren_sinds_vorige,
       realisatie_pct - round(100.0 * realisatie / nullif(taakstelling, 0), 1) AS verschil_realisatie_pct
FROM marts.realisatie_sector AS m
ORDER BY jaar, sector
