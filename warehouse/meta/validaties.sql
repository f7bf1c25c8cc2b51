-- meta.validaties: one row per Great Expectations suite run (a run log: it grows with every run).
CREATE TABLE IF NOT EXISTS meta.validaties (
    run_id          VARCHAR,
    suite           VARCHAR NOT NULL,
    asset           VARCHAR NOT NULL,
    partitie        VARCHAR,
    bestand         VARCHAR,
    success         BOOLEAN NOT NULL,
    evaluated       INTEGER NOT NULL,
    failed          INTEGER NOT NULL,
    details         JSON,
    gevalideerd_op  TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.validaties IS 'One row per run of a Great Expectations suite: per delivery before it becomes current, and per asset check. A run log, appended by every run.';
COMMENT ON COLUMN meta.validaties.run_id IS 'Dagster run id.';
COMMENT ON COLUMN meta.validaties.suite IS 'Suite name: expectations/<suite>.json.';
COMMENT ON COLUMN meta.validaties.asset IS 'Dagster asset the data belongs to, e.g. staging/uwv_kwartaal.';
COMMENT ON COLUMN meta.validaties.partitie IS 'Quarter or year validated; NULL for a whole table.';
COMMENT ON COLUMN meta.validaties.bestand IS 'Delivery validated; NULL for a whole table.';
COMMENT ON COLUMN meta.validaties.success IS 'False when any critical expectation failed.';
COMMENT ON COLUMN meta.validaties.evaluated IS 'Expectations evaluated.';
COMMENT ON COLUMN meta.validaties.failed IS 'Expectations that failed (critical and warning).';
COMMENT ON COLUMN meta.validaties.details IS 'Per failed expectation: type, columns, severity, unexpected count and sample rows.';
COMMENT ON COLUMN meta.validaties.gevalideerd_op IS 'When the suite ran (UTC).';
