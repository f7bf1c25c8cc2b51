-- marts.projectie_backtest: every candidate method fitted at every rolling origin and projected 1..8
-- quarters ahead, beside what happened (computed in banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_backtest AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(methode AS VARCHAR) AS methode,
    CAST(oorsprong AS VARCHAR) AS oorsprong,
    CAST(horizon AS BIGINT) AS horizon,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(CAST(kwartaal AS VARCHAR)) AS peildatum,
    CAST(round(voorspeld, 1) AS DOUBLE) AS voorspeld,
    CAST(gerealiseerd AS DOUBLE) AS gerealiseerd,
    CAST(round(fout, 1) AS DOUBLE) + 0.0 AS fout,
    CAST(round(absolute_procentuele_fout, 2) AS DOUBLE) AS absolute_procentuele_fout,
    CAST(round(geschaalde_fout, 3) AS DOUBLE) AS geschaalde_fout,
    CAST(round(ondergrens_80, 1) AS DOUBLE) AS ondergrens_80,
    CAST(round(bovengrens_80, 1) AS DOUBLE) AS bovengrens_80,
    CAST(round(ondergrens_95, 1) AS DOUBLE) AS ondergrens_95,
    CAST(round(bovengrens_95, 1) AS DOUBLE) AS bovengrens_95,
    CAST(binnen_80 AS BOOLEAN) AS binnen_80,
    CAST(binnen_95 AS BOOLEAN) AS binnen_95,
    CAST(voor_keuze AS BOOLEAN) AS voor_keuze
FROM _frame
ORDER BY segment, methode, oorsprong, horizon;

COMMENT ON TABLE marts.projectie_backtest IS 'Rolling-origin backtest of the candidate projection methods: per segment, method and origin (every quarter with at least 12 quarters of history, up to 8 before the last) the projection for horizons 1..8 beside what happened, with the method''s own 80% and 95% bands. Summarised in marts.projectie_kalibratie.';
COMMENT ON COLUMN marts.projectie_backtest.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_backtest.methode IS 'ols_trend_kwartaal, ets_gedempt or lokaal_lineair (README, Projections).';
COMMENT ON COLUMN marts.projectie_backtest.oorsprong IS 'Origin: the last quarter the fit saw.';
COMMENT ON COLUMN marts.projectie_backtest.horizon IS 'Quarters ahead of the origin (1..8).';
COMMENT ON COLUMN marts.projectie_backtest.kwartaal IS 'Quarter projected.';
COMMENT ON COLUMN marts.projectie_backtest.peildatum IS 'Last day of the quarter projected, the time axis for BI tools.';
COMMENT ON COLUMN marts.projectie_backtest.voorspeld IS 'Central projection.';
COMMENT ON COLUMN marts.projectie_backtest.gerealiseerd IS 'What happened.';
COMMENT ON COLUMN marts.projectie_backtest.fout IS 'voorspeld - gerealiseerd (positive: projected too high).';
COMMENT ON COLUMN marts.projectie_backtest.absolute_procentuele_fout IS '100 * |fout| / |gerealiseerd|.';
COMMENT ON COLUMN marts.projectie_backtest.geschaalde_fout IS '|fout| divided by the mean absolute one-quarter change in the fitting window (the MASE scale).';
COMMENT ON COLUMN marts.projectie_backtest.ondergrens_80 IS 'Lower bound of the method''s own 80% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.bovengrens_80 IS 'Upper bound of the method''s own 80% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.ondergrens_95 IS 'Lower bound of the method''s own 95% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.bovengrens_95 IS 'Upper bound of the method''s own 95% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_80 IS 'Whether the outcome fell inside the own 80% band.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_95 IS 'Whether the outcome fell inside the own 95% band.';
COMMENT ON COLUMN marts.projectie_backtest.voor_keuze IS 'Whether this origin counts for choosing the method: its eighth horizon ends before the last 8 quarters.';
