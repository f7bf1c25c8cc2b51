-- marts.projectie_backtest: every candidate method fitted at every rolling origin on the official series
-- as known then, projected 1..8 quarters ahead, beside what happened (computed in
-- banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_backtest AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(methode AS VARCHAR) AS methode,
    CAST(oorsprong AS VARCHAR) AS oorsprong,
    CAST(bekend_tot AS VARCHAR) AS bekend_tot,
    CAST(horizon AS BIGINT) AS horizon,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(CAST(kwartaal AS VARCHAR)) AS peildatum,
    CAST(round(voorspeld, 0) AS DOUBLE) AS voorspeld,
    CAST(round(gerealiseerd, 0) AS DOUBLE) AS gerealiseerd,
    CAST(herkomst_gerealiseerd AS VARCHAR) AS herkomst_gerealiseerd,
    CAST(round(fout, 0) AS DOUBLE) + 0.0 AS fout,
    CAST(round(absolute_procentuele_fout, 2) AS DOUBLE) AS absolute_procentuele_fout,
    CAST(round(schaal, 1) AS DOUBLE) AS schaal,
    CAST(round(geschaalde_fout, 3) AS DOUBLE) AS geschaalde_fout,
    CAST(round(spreiding, 1) AS DOUBLE) AS spreiding,
    CAST(round(ondergrens_80, 0) AS DOUBLE) AS ondergrens_80,
    CAST(round(bovengrens_80, 0) AS DOUBLE) AS bovengrens_80,
    CAST(round(ondergrens_95, 0) AS DOUBLE) AS ondergrens_95,
    CAST(round(bovengrens_95, 0) AS DOUBLE) AS bovengrens_95,
    CAST(binnen_80 AS BOOLEAN) AS binnen_80,
    CAST(binnen_95 AS BOOLEAN) AS binnen_95,
    CAST(voor_keuze AS BOOLEAN) AS voor_keuze,
    CAST(n_fouten AS INTEGER) AS n_fouten,
    CAST(band_80 AS VARCHAR) AS band_80,
    CAST(band_95 AS VARCHAR) AS band_95,
    CAST(round(gekalibreerd_ondergrens_80, 0) AS DOUBLE) AS gekalibreerd_ondergrens_80,
    CAST(round(gekalibreerd_bovengrens_80, 0) AS DOUBLE) AS gekalibreerd_bovengrens_80,
    CAST(round(gekalibreerd_ondergrens_95, 0) AS DOUBLE) AS gekalibreerd_ondergrens_95,
    CAST(round(gekalibreerd_bovengrens_95, 0) AS DOUBLE) AS gekalibreerd_bovengrens_95,
    CAST(binnen_80_gekalibreerd AS BOOLEAN) AS binnen_80_gekalibreerd,
    CAST(binnen_95_gekalibreerd AS BOOLEAN) AS binnen_95_gekalibreerd
FROM _frame
ORDER BY segment, methode, oorsprong, horizon;

COMMENT ON TABLE marts.projectie_backtest IS 'Rolling-origin backtest of the candidate projection methods on the official measure: per segment, method and origin (every quarter with at least 12 quarters of history before the last outcome) the projection for horizons 1..8 beside what happened. Each fit saw the official series as known at its origin (only jaarmetingen published by then). For the published method also the band calibrated out of time. Summarised in marts.projectie_kalibratie.';
COMMENT ON COLUMN marts.projectie_backtest.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_backtest.methode IS 'ols_trend_kwartaal, ets_gedempt or lokaal_lineair.';
COMMENT ON COLUMN marts.projectie_backtest.oorsprong IS 'Origin: the last quarter the fit saw.';
COMMENT ON COLUMN marts.projectie_backtest.bekend_tot IS 'The last quarter whose outcome was known at the origin (the fourth quarter of the last jaarmeting published by then): only errors up to it calibrate this origin''s band.';
COMMENT ON COLUMN marts.projectie_backtest.horizon IS 'Quarters ahead of the origin (1..8).';
COMMENT ON COLUMN marts.projectie_backtest.kwartaal IS 'Quarter projected.';
COMMENT ON COLUMN marts.projectie_backtest.peildatum IS 'Last day of the quarter projected, the time axis for BI tools.';
COMMENT ON COLUMN marts.projectie_backtest.voorspeld IS 'Central projection, whole banen.';
COMMENT ON COLUMN marts.projectie_backtest.gerealiseerd IS 'What happened: the official series as known now, whole banen.';
COMMENT ON COLUMN marts.projectie_backtest.herkomst_gerealiseerd IS 'gepubliceerd, afgeleid or geinterpoleerd (marts.projectie.herkomst).';
COMMENT ON COLUMN marts.projectie_backtest.fout IS 'voorspeld - gerealiseerd, whole banen (positive: projected too high).';
COMMENT ON COLUMN marts.projectie_backtest.absolute_procentuele_fout IS '100 * |fout| / |gerealiseerd|, in percent.';
COMMENT ON COLUMN marts.projectie_backtest.schaal IS 'The MASE scale: the mean absolute one-quarter change in the fitting window.';
COMMENT ON COLUMN marts.projectie_backtest.geschaalde_fout IS '|fout| / schaal.';
COMMENT ON COLUMN marts.projectie_backtest.spreiding IS 'The method''s own standard deviation of the projected value (from its 95% interval).';
COMMENT ON COLUMN marts.projectie_backtest.ondergrens_80 IS 'Lower bound of the method''s own 80% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.bovengrens_80 IS 'Upper bound of the method''s own 80% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.ondergrens_95 IS 'Lower bound of the method''s own 95% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.bovengrens_95 IS 'Upper bound of the method''s own 95% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_80 IS 'Whether the outcome fell inside the own 80% interval.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_95 IS 'Whether the outcome fell inside the own 95% interval.';
COMMENT ON COLUMN marts.projectie_backtest.voor_keuze IS 'Whether this origin counts for choosing the method: its eighth horizon ends before the last 8 outcomes.';
COMMENT ON COLUMN marts.projectie_backtest.n_fouten IS 'Published method only: the errors at this horizon whose outcomes were known at the origin, which calibrate its band.';
COMMENT ON COLUMN marts.projectie_backtest.band_80 IS 'Published method only: how the calibrated 80% band was made (empirisch, t_benadering, te_weinig).';
COMMENT ON COLUMN marts.projectie_backtest.band_95 IS 'Published method only: how the calibrated 95% band was made.';
COMMENT ON COLUMN marts.projectie_backtest.gekalibreerd_ondergrens_80 IS 'Published method only: lower bound of the 80% band calibrated out of time; NULL with fewer than 2 known errors.';
COMMENT ON COLUMN marts.projectie_backtest.gekalibreerd_bovengrens_80 IS 'Upper bound of that 80% band.';
COMMENT ON COLUMN marts.projectie_backtest.gekalibreerd_ondergrens_95 IS 'Lower bound of the 95% band calibrated out of time.';
COMMENT ON COLUMN marts.projectie_backtest.gekalibreerd_bovengrens_95 IS 'Upper bound of that 95% band.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_80_gekalibreerd IS 'Whether the outcome fell inside the calibrated 80% band; NULL without one.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_95_gekalibreerd IS 'Whether the outcome fell inside the calibrated 95% band; NULL without one.';
