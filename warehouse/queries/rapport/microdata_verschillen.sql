-- Report, durability: how the payroll extract reproduces UWV's delivered figures (marts.microdata_reconciliatie):
-- the cells compared (not suppressed), and each cell off by more than 1 baan, such as after a revision
-- the extract does not follow. One row with NULL cell columns when every cell agrees.
WITH cellen AS (
    SELECT count(*) FILTER (WHERE NOT onderdrukt) AS n_cellen FROM marts.microdata_reconciliatie
),
verschillen AS (
    SELECT r.kwartaal, r.regiocode, g.regio, r.categorie, r.uit_microdata, r.geleverd, r.verschil
    FROM marts.microdata_reconciliatie AS r
    LEFT JOIN referentie.regios AS g USING (regiocode)
    WHERE NOT r.onderdrukt AND abs(r.verschil) > 1
)
SELECT c.n_cellen, v.*
FROM cellen AS c
LEFT JOIN verschillen AS v ON true
ORDER BY v.kwartaal, v.regiocode, v.categorie
