-- marts.projectie: history and the published projection to 2026Q4 per segment (computed in
-- banen_pipeline/projections.py and registered as _frame; typed and documented here).
CREATE OR REPLACE TABLE marts.projectie AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(CAST(kwartaal AS VARCHAR)) AS peildatum,
    CAST(is_prognose AS BOOLEAN) AS is_prognose,
    CAST(gerealiseerd AS DOUBLE) AS gerealiseerd,
    CAST(round(verwacht, 1) AS DOUBLE) AS verwacht,
    CAST(round(ondergrens_80, 1) AS DOUBLE) AS ondergrens_80,
    CAST(round(bovengrens_80, 1) AS DOUBLE) AS bovengrens_80,
    CAST(round(ondergrens_95, 1) AS DOUBLE) AS ondergrens_95,
    CAST(round(bovengrens_95, 1) AS DOUBLE) AS bovengrens_95,
    CAST(doel AS BIGINT) AS doel,
    CAST(laatste_kwartaal AS VARCHAR) AS laatste_kwartaal,
    CAST(trend_per_kwartaal AS DOUBLE) AS trend_per_kwartaal,
    CAST(round(benodigd_tempo_per_kwartaal_2025, 1) AS DOUBLE) AS benodigd_tempo_per_kwartaal_2025,
    CAST(round(benodigd_tempo_per_kwartaal_2026, 1) AS DOUBLE) AS benodigd_tempo_per_kwartaal_2026,
    CAST(kwartaal_doel_bereikt AS VARCHAR) AS kwartaal_doel_bereikt,
    CAST(methode AS VARCHAR) AS methode
FROM _frame
ORDER BY segment, kwartaal;

COMMENT ON TABLE marts.projectie IS 'Extra banen per segment (markt and overheid incl. attributed inleen, totaal): history and the published projection to 2026Q4 with 80% and 95% bands calibrated on a rolling-origin backtest, against the targets. The method per segment is chosen by the rule in the README (section Projections); see marts.projectie_kalibratie for how far the bands can be trusted.';
COMMENT ON COLUMN marts.projectie.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie.kwartaal IS 'Quarter, e.g. 2025Q4.';
COMMENT ON COLUMN marts.projectie.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.projectie.is_prognose IS 'False for observed quarters, true for projected ones.';
COMMENT ON COLUMN marts.projectie.gerealiseerd IS 'Observed extra banen (history rows).';
COMMENT ON COLUMN marts.projectie.verwacht IS 'Central projection (forecast rows); NULL on history rows.';
COMMENT ON COLUMN marts.projectie.ondergrens_80 IS 'Lower bound of the 80% band (forecast rows): the method''s own prediction interval, or widened by split-conformal calibration (methode says which).';
COMMENT ON COLUMN marts.projectie.bovengrens_80 IS 'Upper bound of the 80% band.';
COMMENT ON COLUMN marts.projectie.ondergrens_95 IS 'Lower bound of the 95% band.';
COMMENT ON COLUMN marts.projectie.bovengrens_95 IS 'Upper bound of the 95% band.';
COMMENT ON COLUMN marts.projectie.doel IS 'Target of that year for the segment (referentie.doelen); NULL where none (2024).';
COMMENT ON COLUMN marts.projectie.laatste_kwartaal IS 'Last observed quarter the projection starts from.';
COMMENT ON COLUMN marts.projectie.trend_per_kwartaal IS 'Projected extra banen per quarter: the mean change over the first four projected quarters.';
COMMENT ON COLUMN marts.projectie.benodigd_tempo_per_kwartaal_2025 IS 'Extra banen needed per quarter from the last observed quarter to reach the 2025 target by 2025Q4.';
COMMENT ON COLUMN marts.projectie.benodigd_tempo_per_kwartaal_2026 IS 'Extra banen needed per quarter to reach the 2026 target by 2026Q4.';
COMMENT ON COLUMN marts.projectie.kwartaal_doel_bereikt IS 'First projected quarter whose central projection reaches the final target (2026), or NULL if not by 2026Q4.';
COMMENT ON COLUMN marts.projectie.methode IS 'The published method and how its bands were made, in words.';
