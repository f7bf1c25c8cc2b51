-- marts.projectie: history and the published projection to 2026Q4 per segment, on the official measure
-- (computed in banen_pipeline/projections.py and registered as _frame; typed and documented here).
CREATE OR REPLACE TABLE marts.projectie AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(CAST(kwartaal AS VARCHAR)) AS peildatum,
    CAST(meting AS VARCHAR) AS meting,
    CAST(herkomst AS VARCHAR) AS herkomst,
    CAST(is_prognose AS BOOLEAN) AS is_prognose,
    CAST(round(gerealiseerd, 0) AS DOUBLE) AS gerealiseerd,
    CAST(round(verwacht, 0) AS DOUBLE) AS verwacht,
    CAST(round(ondergrens_80, 0) AS DOUBLE) AS ondergrens_80,
    CAST(round(bovengrens_80, 0) AS DOUBLE) AS bovengrens_80,
    CAST(round(ondergrens_95, 0) AS DOUBLE) AS ondergrens_95,
    CAST(round(bovengrens_95, 0) AS DOUBLE) AS bovengrens_95,
    CAST(band_80 AS VARCHAR) AS band_80,
    CAST(band_95 AS VARCHAR) AS band_95,
    CAST(n_fouten AS INTEGER) AS n_fouten,
    CAST(doel AS BIGINT) AS doel,
    CAST(laatste_kwartaal AS VARCHAR) AS laatste_kwartaal,
    CAST(round(trend_per_kwartaal, 0) AS DOUBLE) AS trend_per_kwartaal,
    CAST(round(benodigd_tempo_per_kwartaal_2025, 0) AS DOUBLE) AS benodigd_tempo_per_kwartaal_2025,
    CAST(round(benodigd_tempo_per_kwartaal_2026, 0) AS DOUBLE) AS benodigd_tempo_per_kwartaal_2026,
    CAST(kwartaal_doel_bereikt AS VARCHAR) AS kwartaal_doel_bereikt,
    CAST(methode AS VARCHAR) AS methode
FROM _frame
ORDER BY segment, kwartaal;

COMMENT ON TABLE marts.projectie IS 'Extra banen per segment on the official measure (UWV''s jaarmeting, in which the targets are set): the official series per quarter (herkomst says which values are printed, derived, interpolated or nowcast) and the published projection to 2026Q4 with 80% and 95% bands calibrated out of time on a rolling-origin backtest, against the targets. The method per segment is chosen by a rule fixed in advance (banen_pipeline/projections.py); marts.projectie_kalibratie says how far the bands can be trusted.';
COMMENT ON COLUMN marts.projectie.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie.kwartaal IS 'Quarter, e.g. 2025Q4.';
COMMENT ON COLUMN marts.projectie.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.projectie.meting IS 'The measure the row is on: officieel (UWV''s jaarmeting, inleen counted for the hiring employer).';
COMMENT ON COLUMN marts.projectie.herkomst IS 'gepubliceerd or afgeleid (a fourth quarter: the jaarmeting as printed or implied), geinterpoleerd (between two jaarmetingen: the quarterly estimate with a correction moving linearly from one year''s difference to the next), nowcast (after the last jaarmeting) or projectie (forecast rows).';
COMMENT ON COLUMN marts.projectie.is_prognose IS 'False for history rows, true for projected ones.';
COMMENT ON COLUMN marts.projectie.gerealiseerd IS 'The official series (history rows), whole banen.';
COMMENT ON COLUMN marts.projectie.verwacht IS 'Central projection (forecast rows), whole banen; NULL on history rows.';
COMMENT ON COLUMN marts.projectie.ondergrens_80 IS 'Lower bound of the 80% band (forecast rows): the method''s spread times a multiplier from the backtest''s errors at that horizon (band_80 says how).';
COMMENT ON COLUMN marts.projectie.bovengrens_80 IS 'Upper bound of the 80% band.';
COMMENT ON COLUMN marts.projectie.ondergrens_95 IS 'Lower bound of the 95% band.';
COMMENT ON COLUMN marts.projectie.bovengrens_95 IS 'Upper bound of the 95% band.';
COMMENT ON COLUMN marts.projectie.band_80 IS 'How the 80% band was made: empirisch (the 80% quantile of at least 4 past errors), t_benadering (fewer: a wider Student-t band) or eigen (fewer than 2: the method''s own interval).';
COMMENT ON COLUMN marts.projectie.band_95 IS 'How the 95% band was made: empirisch needs at least 19 past errors; with fewer, t_benadering (wider), with fewer than 2, eigen.';
COMMENT ON COLUMN marts.projectie.n_fouten IS 'Past errors at this horizon (beyond 8 quarters: at 8) the bands rest on.';
COMMENT ON COLUMN marts.projectie.doel IS 'Target of that year for the segment (referentie.doelen: printed, or the law''s final target where none was printed for the year).';
COMMENT ON COLUMN marts.projectie.laatste_kwartaal IS 'Last quarter of the official series the projection starts from.';
COMMENT ON COLUMN marts.projectie.trend_per_kwartaal IS 'Projected extra banen per quarter: the mean change over the first four projected quarters.';
COMMENT ON COLUMN marts.projectie.benodigd_tempo_per_kwartaal_2025 IS 'Extra banen needed per quarter from the last quarter to reach the 2025 target by 2025Q4.';
COMMENT ON COLUMN marts.projectie.benodigd_tempo_per_kwartaal_2026 IS 'Extra banen needed per quarter to reach the 2026 target by 2026Q4.';
COMMENT ON COLUMN marts.projectie.kwartaal_doel_bereikt IS 'First projected quarter whose central projection reaches the final target (2026), or NULL if not by 2026Q4.';
COMMENT ON COLUMN marts.projectie.methode IS 'The published method and how its bands were made, in words.';
