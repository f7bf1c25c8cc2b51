-- meta.microdata_kwartalen: per quarter of the payroll extract, the fingerprint of its files when it was
-- last aggregated, so that a run aggregates only the quarters whose files changed. Written in the
-- aggregation's own transaction (banen_pipeline/microdata.py). No PRIMARY KEY: DuckLake supports none;
-- the aggregation deletes a quarter's row before it inserts it.
CREATE TABLE IF NOT EXISTS meta.microdata_kwartalen (
    kwartaal        VARCHAR NOT NULL,
    vingerafdruk    VARCHAR NOT NULL,
    bestanden       INTEGER NOT NULL,
    geaggregeerd_op TIMESTAMP NOT NULL,
    run_id          VARCHAR
);
COMMENT ON TABLE meta.microdata_kwartalen IS 'Per quarter of the payroll extract (kwartaal=<quarter>/ in <landing>/microdata), the fingerprint of its files when it was last aggregated into staging.microdata_aggregaat: a quarter whose files did not change is not aggregated again.';
COMMENT ON COLUMN meta.microdata_kwartalen.kwartaal IS 'Quarter of the extract, or 2012Q4 for the baseline.';
COMMENT ON COLUMN meta.microdata_kwartalen.vingerafdruk IS 'SHA-256 (16 hex digits) of the names, sizes and modification times of the quarter''s files.';
COMMENT ON COLUMN meta.microdata_kwartalen.bestanden IS 'Number of files in the quarter''s folder.';
COMMENT ON COLUMN meta.microdata_kwartalen.geaggregeerd_op IS 'When the quarter was last aggregated (UTC).';
COMMENT ON COLUMN meta.microdata_kwartalen.run_id IS 'Dagster run that aggregated it.';
