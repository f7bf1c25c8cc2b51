-- marts.projectie_kalibratie: how well each method and its bands did on the rolling-origin backtest,
-- per horizon (computed in banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_kalibratie AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(methode AS VARCHAR) AS methode,
    CAST(banden AS VARCHAR) AS banden,
    CAST(horizon AS BIGINT) AS horizon,
    CAST(n AS BIGINT) AS n,
    CAST(round(dekking_80, 4) AS DOUBLE) AS dekking_80,
    CAST(round(dekking_95, 4) AS DOUBLE) AS dekking_95,
    CAST(round(mape, 2) AS DOUBLE) AS mape,
    CAST(round(bias, 1) AS DOUBLE) + 0.0 AS bias,
    CAST(round(mase, 3) AS DOUBLE) AS mase,
    CAST(gepubliceerd AS BOOLEAN) AS gepubliceerd
FROM _frame
ORDER BY segment, methode, banden, horizon;

COMMENT ON TABLE marts.projectie_kalibratie IS 'Per segment, method, kind of band and horizon: how the projections did on the rolling-origin backtest (marts.projectie_backtest). gepubliceerd marks the method and bands marts.projectie shows.';
COMMENT ON COLUMN marts.projectie_kalibratie.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_kalibratie.methode IS 'ols_trend_kwartaal, ets_gedempt or lokaal_lineair.';
COMMENT ON COLUMN marts.projectie_kalibratie.banden IS 'eigen: the method''s own prediction intervals; gekalibreerd: widened by split-conformal calibration, coverage measured leaving each origin out of its own calibration.';
COMMENT ON COLUMN marts.projectie_kalibratie.horizon IS 'Quarters ahead of the origin (1..8).';
COMMENT ON COLUMN marts.projectie_kalibratie.n IS 'Number of origins.';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_80 IS 'Share of outcomes inside the 80% band (0..1).';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_95 IS 'Share of outcomes inside the 95% band (0..1).';
COMMENT ON COLUMN marts.projectie_kalibratie.mape IS 'Mean absolute percentage error.';
COMMENT ON COLUMN marts.projectie_kalibratie.bias IS 'Mean error in banen (positive: projected too high).';
COMMENT ON COLUMN marts.projectie_kalibratie.mase IS 'Mean absolute scaled error (scale: mean absolute one-quarter change in the fitting window).';
COMMENT ON COLUMN marts.projectie_kalibratie.gepubliceerd IS 'True for the method and bands marts.projectie publishes for the segment.';
