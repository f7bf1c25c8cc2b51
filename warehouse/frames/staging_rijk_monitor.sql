-- Frame for suite staging_rijk_monitor: rows of the selected deliveries ($bestanden) or of the whole
-- table, with the organisations' sums on the Totaal Rijk row.
WITH rows AS (
    SELECT * FROM staging.rijk_monitor WHERE $bestanden IS NULL OR list_contains($bestanden, bestand)
),
sums AS (
    SELECT bestand, sum(realisatie) AS som_organisaties_realisatie,
           CAST(sum(taakstelling) AS BIGINT) AS som_organisaties_taakstelling
    FROM rows WHERE organisatie <> 'Totaal Rijk' GROUP BY bestand
)
SELECT r.*, s.som_organisaties_realisatie, s.som_organisaties_taakstelling,
       r.realisatie - s.som_organisaties_realisatie AS verschil_organisaties_realisatie,
       r.taakstelling - s.som_organisaties_taakstelling AS verschil_organisaties_taakstelling
FROM rows AS r
LEFT JOIN sums AS s ON s.bestand = r.bestand AND r.organisatie = 'Totaal Rijk'
ORDER BY r.kwartaal, r.bestand, r.organisatie
