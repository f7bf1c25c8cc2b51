-- marts.projectie_kalibratie: how well each method and its bands did on the rolling-origin backtest,
-- per horizon (computed in banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_kalibratie AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(methode AS VARCHAR) AS methode,
    CAST(banden AS VARCHAR) AS banden,
    CAST(horizon AS BIGINT) AS horizon,
    periode_einde(CAST(laatste_kwartaal AS VARCHAR)) AS peildatum,
    CAST(n AS BIGINT) AS n,
    CAST(round(dekking_80, 4) AS DOUBLE) AS dekking_80,
    CAST(round(dekking_80_se, 4) AS DOUBLE) AS dekking_80_se,
    CAST(round(dekking_95, 4) AS DOUBLE) AS dekking_95,
    CAST(round(dekking_95_se, 4) AS DOUBLE) AS dekking_95_se,
    CAST(round(mape_pct, 2) AS DOUBLE) AS mape_pct,
    CAST(round(bias, 0) AS DOUBLE) + 0.0 AS bias,
    CAST(round(mase, 3) AS DOUBLE) AS mase,
    CAST(round(keuze_mase, 3) AS DOUBLE) AS keuze_mase,
    CAST(round(keuze_bias_geschaald, 3) AS DOUBLE) + 0.0 AS keuze_bias_geschaald,
    CAST(round(keuze_score, 3) AS DOUBLE) AS keuze_score,
    CAST(band_80 AS VARCHAR) AS band_80,
    CAST(band_95 AS VARCHAR) AS band_95,
    CAST(n_fouten AS INTEGER) AS n_fouten,
    CAST(gepubliceerd AS BOOLEAN) AS gepubliceerd
FROM _frame
ORDER BY segment, methode, banden, horizon;

COMMENT ON TABLE marts.projectie_kalibratie IS 'Per segment, method, kind of band and horizon: how the projections on the official measure did on the rolling-origin backtest (marts.projectie_backtest). The calibrated bands are measured out of time: each origin''s band uses only errors whose outcomes were known then, so a coverage below the level is a real warning. gepubliceerd marks the method and bands marts.projectie shows.';
COMMENT ON COLUMN marts.projectie_kalibratie.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_kalibratie.methode IS 'ols_trend_kwartaal, ets_gedempt or lokaal_lineair.';
COMMENT ON COLUMN marts.projectie_kalibratie.banden IS 'eigen: the method''s own prediction intervals, on every origin; gekalibreerd: calibrated out of time, on the origins that had at least 2 known errors at that horizon (the burn-in).';
COMMENT ON COLUMN marts.projectie_kalibratie.horizon IS 'Quarters ahead of the origin (1..8).';
COMMENT ON COLUMN marts.projectie_kalibratie.peildatum IS 'End of the last quarter of the official series: the date the backtest runs up to.';
COMMENT ON COLUMN marts.projectie_kalibratie.n IS 'Outcomes the coverage is measured on (0: none, the figures are NULL).';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_80 IS 'Share of outcomes inside the 80% band, a fraction (0..1).';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_80_se IS 'Standard error of dekking_80 if the band holds its level, sqrt(0.8 * 0.2 / n), a fraction: with 10 outcomes 0.13. Overlapping horizons make outcomes dependent: the real uncertainty is larger.';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_95 IS 'Share of outcomes inside the 95% band, a fraction (0..1).';
COMMENT ON COLUMN marts.projectie_kalibratie.dekking_95_se IS 'Standard error of dekking_95 if the band holds its level, sqrt(0.95 * 0.05 / n), a fraction.';
COMMENT ON COLUMN marts.projectie_kalibratie.mape_pct IS 'Mean absolute percentage error, in percent.';
COMMENT ON COLUMN marts.projectie_kalibratie.bias IS 'Mean error in banen, whole banen (positive: projected too high).';
COMMENT ON COLUMN marts.projectie_kalibratie.mase IS 'Mean absolute scaled error (scale: mean absolute one-quarter change in the fitting window).';
COMMENT ON COLUMN marts.projectie_kalibratie.keuze_mase IS 'The method''s MASE over horizons 1..8 on the selection origins (voor_keuze).';
COMMENT ON COLUMN marts.projectie_kalibratie.keuze_bias_geschaald IS 'The method''s mean scaled error (bias / scale) on the selection origins.';
COMMENT ON COLUMN marts.projectie_kalibratie.keuze_score IS 'keuze_mase + |keuze_bias_geschaald|: the rule publishes the method with the lowest score per segment.';
COMMENT ON COLUMN marts.projectie_kalibratie.band_80 IS 'Published rows: how the published 80% band at this horizon was made (empirisch, t_benadering, eigen).';
COMMENT ON COLUMN marts.projectie_kalibratie.band_95 IS 'Published rows: how the published 95% band at this horizon was made.';
COMMENT ON COLUMN marts.projectie_kalibratie.n_fouten IS 'Published rows: the past errors the published bands at this horizon rest on.';
COMMENT ON COLUMN marts.projectie_kalibratie.gepubliceerd IS 'True for the method and bands marts.projectie publishes for the segment.';
