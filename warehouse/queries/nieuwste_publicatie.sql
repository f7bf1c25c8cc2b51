-- Report: the newest publication the warehouse's figures rest on, per source: UWV's deliveries by their
-- publication date, the Rijk monitor by its Stand date, the yearly sector reports by rule (30 November
-- of the year after: BZK's yearly letter), the printed jaarmetingen and sector figures by gepubliceerd_op.
-- A report as of an earlier day would show what was not yet published then.
SELECT bron, datum FROM (
    SELECT 'UWV ' || max_by(bestand, publicatiedatum) AS bron, max(publicatiedatum) AS datum
    FROM meta.leveringen WHERE bron = 'uwv' AND status = 'geladen'
    UNION ALL
    SELECT 'Monitor Banenafspraak Rijk ' || max(kwartaal), max(peildatum) FROM staging.rijk_monitor
    UNION ALL
    SELECT 'jaarrapportage sectoren ' || max(jaar), make_date(max(jaar) + 1, 11, 30) FROM staging.sector_rapportage
    UNION ALL
    SELECT 'referentie.jaarmeting ' || max_by(jaar, gepubliceerd_op), max(gepubliceerd_op) FROM referentie.jaarmeting
    UNION ALL
    SELECT 'referentie.gepubliceerd_sectoren ' || max_by(kwartaal, gepubliceerd_op), max(gepubliceerd_op)
    FROM referentie.gepubliceerd_sectoren
)
WHERE datum IS NOT NULL
ORDER BY datum DESC
LIMIT 1
