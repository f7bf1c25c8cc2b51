-- marts.projectie_doel: the chance that each segment reaches its final target by 2025Q4 and 2026Q4
-- (computed in banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_doel AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(CAST(kwartaal AS VARCHAR)) AS peildatum,
    CAST(meting AS VARCHAR) AS meting,
    CAST(doel AS BIGINT) AS doel,
    CAST(round(verwacht, 0) AS DOUBLE) AS verwacht,
    CAST(round(spreiding, 0) AS DOUBLE) AS spreiding,
    CAST(round(kans_doel_bereikt, 4) AS DOUBLE) AS kans_doel_bereikt,
    CAST(methode AS VARCHAR) AS methode
FROM _frame
ORDER BY segment, kwartaal;

COMMENT ON TABLE marts.projectie_doel IS 'Per segment and target quarter (2025Q4, 2026Q4), on the official measure: the final target (2026), the central projection and the probability of reaching the target from the calibrated predictive distribution (normal, with the spread of the published 80% band).';
COMMENT ON COLUMN marts.projectie_doel.meting IS 'The measure: officieel (UWV''s jaarmeting, in which the targets are set).';
COMMENT ON COLUMN marts.projectie_doel.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_doel.kwartaal IS 'Target quarter: 2025Q4 or 2026Q4.';
COMMENT ON COLUMN marts.projectie_doel.peildatum IS 'Last day of the target quarter.';
COMMENT ON COLUMN marts.projectie_doel.doel IS 'The segment''s final target (referentie.doelen, 2026): markt 100,000, overheid 25,000, totaal 125,000.';
COMMENT ON COLUMN marts.projectie_doel.verwacht IS 'Central projection for the quarter (marts.projectie), whole banen; once the quarter is known, its value on the official measure.';
COMMENT ON COLUMN marts.projectie_doel.spreiding IS 'Standard deviation of the calibrated predictive distribution, whole banen: half the 80% band divided by 1.2816; 0 once the quarter is an outcome (published or derived), NULL while it is a nowcast.';
COMMENT ON COLUMN marts.projectie_doel.kans_doel_bereikt IS 'Probability (0..1) that the segment has reached its final target in that quarter; once the quarter is an outcome 1 or 0, NULL while it is a nowcast.';
COMMENT ON COLUMN marts.projectie_doel.methode IS 'The published method and how its bands were made, in words; gemeten (<herkomst>) once the quarter is known.';
