-- meta.leveringen: one row per delivered file seen, keyed by its name and the sha256 of its bytes.
-- No PRIMARY KEY or CHECK: DuckLake supports neither; ingest.py keeps (bestand, sha256) unique and
-- status within geladen | afgewezen | dubbel, and the tests hold it to that.
CREATE TABLE IF NOT EXISTS meta.leveringen (
    bestand          VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    bron             VARCHAR NOT NULL,
    periode          VARCHAR,
    publicatiedatum  DATE,
    status           VARCHAR NOT NULL,
    reden            VARCHAR,
    waarschuwingen   VARCHAR[],
    dubbel_van       VARCHAR,
    gezien_op        TIMESTAMP NOT NULL,
    run_id           VARCHAR
);
-- the place and the rule of a rejection, apart (added after the first warehouses were made)
ALTER TABLE meta.leveringen ADD COLUMN IF NOT EXISTS plaats VARCHAR;
ALTER TABLE meta.leveringen ADD COLUMN IF NOT EXISTS regel VARCHAR;
COMMENT ON TABLE meta.leveringen IS 'One row per delivered file seen in the landing folder, identified by name and sha256 of its bytes. A file seen again with the same bytes is skipped.';
COMMENT ON COLUMN meta.leveringen.bestand IS 'File name as delivered.';
COMMENT ON COLUMN meta.leveringen.sha256 IS 'SHA-256 of the file bytes.';
COMMENT ON COLUMN meta.leveringen.bron IS 'Supplier: uwv (quarterly figures), rijk (Monitor Banenafspraak Rijk) or sectoren (yearly sector reports).';
COMMENT ON COLUMN meta.leveringen.periode IS 'Quarter (2019Q3) or year (2022) the delivery covers; NULL when the file could not be read that far.';
COMMENT ON COLUMN meta.leveringen.publicatiedatum IS 'Publication date stated in the delivery; the latest per period is current.';
COMMENT ON COLUMN meta.leveringen.status IS 'geladen (loaded), afgewezen (rejected, nothing of it loaded) or dubbel (same bytes as an earlier loaded file).';
COMMENT ON COLUMN meta.leveringen.reden IS 'For afgewezen: file, line or cell, and the rule that was broken.';
COMMENT ON COLUMN meta.leveringen.waarschuwingen IS 'Warnings on a loaded delivery (rules with severity warning).';
COMMENT ON COLUMN meta.leveringen.dubbel_van IS 'For dubbel: the loaded file with the same bytes.';
COMMENT ON COLUMN meta.leveringen.gezien_op IS 'When the warehouse first saw this file (UTC).';
COMMENT ON COLUMN meta.leveringen.run_id IS 'Dagster run that processed the file.';
COMMENT ON COLUMN meta.leveringen.plaats IS 'For afgewezen: where in the file (line 14, sheet ''Banen'' cell E7); NULL when it is the whole file or a value rule over its rows.';
COMMENT ON COLUMN meta.leveringen.regel IS 'For afgewezen: the rule that was broken, without file and place (reden holds them together).';
