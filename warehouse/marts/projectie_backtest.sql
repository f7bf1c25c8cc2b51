-- marts.projectie_backtest: the projection method fitted 8 quarters before the last observation and
-- compared with what happened (computed in banen_pipeline/projections.py, registered as _frame).
CREATE OR REPLACE TABLE marts.projectie_backtest AS
SELECT
    CAST(segment AS VARCHAR) AS segment,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    periode_einde(kwartaal) AS peildatum,
    CAST(horizon AS BIGINT) AS horizon,
    CAST(getraind_tot AS VARCHAR) AS getraind_tot,
    CAST(round(voorspeld, 1) AS DOUBLE) AS voorspeld,
    CAST(gerealiseerd AS DOUBLE) AS gerealiseerd,
    CAST(round(fout, 1) AS DOUBLE) AS fout,
    CAST(round(absolute_procentuele_fout, 2) AS DOUBLE) AS absolute_procentuele_fout,
    CAST(binnen_80 AS BOOLEAN) AS binnen_80,
    CAST(binnen_95 AS BOOLEAN) AS binnen_95,
    CAST(round(mape_segment, 2) AS DOUBLE) AS mape_segment,
    CAST(round(bias_segment, 1) AS DOUBLE) AS bias_segment
FROM _frame
ORDER BY segment, horizon;

COMMENT ON TABLE marts.projectie_backtest IS 'Backtest of marts.projectie''s method: fitted on the history up to 8 quarters before the last, projected over those 8 quarters and compared with what happened. The method is judged by mape_segment and bias_segment.';
COMMENT ON COLUMN marts.projectie_backtest.segment IS 'markt, overheid or totaal.';
COMMENT ON COLUMN marts.projectie_backtest.kwartaal IS 'Quarter projected.';
COMMENT ON COLUMN marts.projectie_backtest.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.projectie_backtest.horizon IS 'Quarters ahead of the last training quarter (1..8).';
COMMENT ON COLUMN marts.projectie_backtest.getraind_tot IS 'Last quarter of the training data.';
COMMENT ON COLUMN marts.projectie_backtest.voorspeld IS 'Central projection.';
COMMENT ON COLUMN marts.projectie_backtest.gerealiseerd IS 'What happened.';
COMMENT ON COLUMN marts.projectie_backtest.fout IS 'voorspeld - gerealiseerd (positive: projected too high).';
COMMENT ON COLUMN marts.projectie_backtest.absolute_procentuele_fout IS '100 * |fout| / |gerealiseerd|.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_80 IS 'Whether the outcome fell inside the 80% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.binnen_95 IS 'Whether the outcome fell inside the 95% prediction interval.';
COMMENT ON COLUMN marts.projectie_backtest.mape_segment IS 'Mean absolute percentage error over the 8 horizons of the segment.';
COMMENT ON COLUMN marts.projectie_backtest.bias_segment IS 'Mean error over the 8 horizons of the segment (positive: too high).';
