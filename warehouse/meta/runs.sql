-- meta.runs: one row per run of the pipeline, whoever started it (banen run, the landing sensor, the
-- schedule, the Dagster UI). Written by the run's delivery step (start, origin, counts) and at its end
-- by banen run or, for runs the Dagster daemon launches, by the run status sensors (status, end).
-- No PRIMARY KEY (DuckLake has none): run_id is kept unique by banen_pipeline/runs.py.
CREATE TABLE IF NOT EXISTS meta.runs (
    run_id     VARCHAR NOT NULL,
    herkomst   VARCHAR NOT NULL,
    begin      TIMESTAMP,
    einde      TIMESTAMP,
    status     VARCHAR NOT NULL,
    kwartalen  VARCHAR,
    geladen    INTEGER NOT NULL DEFAULT 0,
    afgewezen  INTEGER NOT NULL DEFAULT 0,
    dubbel     INTEGER NOT NULL DEFAULT 0,
    al_gezien  INTEGER NOT NULL DEFAULT 0,
    fout       VARCHAR
);
-- added after the first warehouses were made: they get it here
ALTER TABLE meta.runs ADD COLUMN IF NOT EXISTS fout VARCHAR;
COMMENT ON TABLE meta.runs IS 'Every run of the pipeline, whoever started it (banen run, the landing sensor, the quarterly schedule, the Dagster UI): its origin, start and end, status and what happened to its deliveries.';
COMMENT ON COLUMN meta.runs.run_id IS 'Dagster run id.';
COMMENT ON COLUMN meta.runs.herkomst IS 'Who started it: cli (banen run), sensor <name>, schedule <name>, backfill <id>, ui (launched by the Dagster UI, its GraphQL API or dagster job launch), or dagster cli (executed in its own process: dagster asset materialize, dagster job execute).';
COMMENT ON COLUMN meta.runs.begin IS 'When the run started (UTC).';
COMMENT ON COLUMN meta.runs.einde IS 'When it ended (UTC); NULL while it runs.';
COMMENT ON COLUMN meta.runs.status IS 'bezig (running), geslaagd (succeeded) or mislukt (failed or canceled).';
COMMENT ON COLUMN meta.runs.kwartalen IS 'The quarters whose deliveries the run loaded, e.g. 2015Q4..2023Q4; NULL: every quarter in the landing folder (a run started without a range, such as Materialize all in the Dagster UI).';
COMMENT ON COLUMN meta.runs.geladen IS 'Deliveries loaded in this run.';
COMMENT ON COLUMN meta.runs.afgewezen IS 'Deliveries rejected in this run.';
COMMENT ON COLUMN meta.runs.dubbel IS 'Deliveries that repeated a loaded file or the current figures.';
COMMENT ON COLUMN meta.runs.al_gezien IS 'Files of the run''s quarters the warehouse had seen before (same name and bytes): skipped.';
COMMENT ON COLUMN meta.runs.fout IS 'Why the run failed: for each failed step, the step, the exception''s own message and where it was raised (module:line), separated by ''; ''. NULL when no step failed.';
