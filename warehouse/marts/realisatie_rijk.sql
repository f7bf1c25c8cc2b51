-- marts.realisatie_rijk: the sector Rijk per quarter and organisation against the target of that year.
CREATE OR REPLACE TABLE marts.realisatie_rijk AS
SELECT
    kwartaal,
    periode_einde(kwartaal) AS peildatum,
    CAST(left(kwartaal, 4) AS INTEGER) AS jaar,
    organisatie,
    organisatie = 'Totaal Rijk' AS is_totaal,
    taakstelling,
    realisatie,
    CAST(round(100.0 * realisatie / nullif(taakstelling, 0), 1) AS DOUBLE) AS realisatie_pct,
    realisatie_pct_geleverd,
    -- + 0.0: a difference that rounds to zero from below is -0.0, which BI tools show as "-0"
    CAST(round(realisatie_pct_geleverd - 100.0 * realisatie / nullif(taakstelling, 0), 1) AS DOUBLE) + 0.0
        AS verschil_pct_geleverd,
    CAST(round(greatest(taakstelling - realisatie, 0), 1) AS DOUBLE) AS tekort,
    -- Totaal Rijk is as printed in the quarters with a printed realisation; the rest of the sample is made up
    CASE WHEN organisatie = 'Totaal Rijk' AND kwartaal IN (
             SELECT kwartaal FROM referentie.gepubliceerd_sectoren WHERE sector = 'Rijk' AND maat = 'realisatie_banen')
         THEN 'gepubliceerd' ELSE 'synthetisch' END AS herkomst,
    bestand
FROM staging.rijk_monitor
WHERE is_actueel
ORDER BY kwartaal, is_totaal, organisatie;

COMMENT ON TABLE marts.realisatie_rijk IS 'Monitor Banenafspraak Rijk, current versions: per quarter and organisation plus Totaal Rijk, target of that year, realisation, recomputed and supplier percentages. The split over organisations in the sample data is synthetic.';
COMMENT ON COLUMN marts.realisatie_rijk.kwartaal IS 'Quarter, e.g. 2022Q4.';
COMMENT ON COLUMN marts.realisatie_rijk.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.realisatie_rijk.jaar IS 'Year of the quarter (the target is that year''s).';
COMMENT ON COLUMN marts.realisatie_rijk.organisatie IS 'Ministry, Hoge Colleges van Staat, Rechterlijke macht, or Totaal Rijk.';
COMMENT ON COLUMN marts.realisatie_rijk.is_totaal IS 'True on the Totaal Rijk row.';
COMMENT ON COLUMN marts.realisatie_rijk.taakstelling IS 'Target of that year in banen.';
COMMENT ON COLUMN marts.realisatie_rijk.realisatie IS 'Realisation in banen of 25.5 hours a week.';
COMMENT ON COLUMN marts.realisatie_rijk.realisatie_pct IS 'Recomputed 100 * realisatie / taakstelling, one decimal.';
COMMENT ON COLUMN marts.realisatie_rijk.realisatie_pct_geleverd IS 'Percentage as the supplier delivered it.';
COMMENT ON COLUMN marts.realisatie_rijk.verschil_pct_geleverd IS 'Supplier percentage minus recomputed, in points; above 1 the delivery carries a warning.';
COMMENT ON COLUMN marts.realisatie_rijk.tekort IS 'taakstelling - realisatie in banen, one decimal, never below 0.';
COMMENT ON COLUMN marts.realisatie_rijk.herkomst IS 'gepubliceerd: Totaal Rijk in a quarter whose realisation was printed (referentie.gepubliceerd_sectoren; the sample''s total equals it); synthetisch: the organisations, and Totaal Rijk in other quarters (made up in the sample data, consistent with the printed figures).';
COMMENT ON COLUMN marts.realisatie_rijk.bestand IS 'Delivery the row comes from.';
