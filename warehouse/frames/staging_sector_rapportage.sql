-- Frame for suite staging_sector_rapportage: rows of the selected deliveries ($bestanden) or of the whole
-- table, with per delivery the number of sectors and the sums against the government target and jaarmeting.
WITH rows AS (
    SELECT * FROM staging.sector_rapportage WHERE $bestanden IS NULL OR list_contains($bestanden, bestand)
),
per_file AS (
    SELECT bestand, any_value(jaar) AS jaar, count(DISTINCT sector) AS aantal_sectoren,
           CAST(sum(taakstelling) AS BIGINT) AS som_taakstelling, CAST(sum(realisatie) AS BIGINT) AS som_realisatie
    FROM rows GROUP BY bestand
)
SELECT r.*, f.aantal_sectoren, f.som_taakstelling, d.doel_overheid,
       f.som_taakstelling - d.doel_overheid AS verschil_doel_overheid,
       f.som_realisatie, j.extra_banen_overheid AS jaarmeting_overheid,
       f.som_realisatie - j.extra_banen_overheid AS verschil_jaarmeting_overheid
FROM rows AS r
JOIN per_file AS f USING (bestand)
LEFT JOIN referentie.doelen AS d ON d.jaar = r.jaar
LEFT JOIN referentie.jaarmeting AS j ON j.jaar = r.jaar
ORDER BY r.jaar, r.bestand, r.sector
