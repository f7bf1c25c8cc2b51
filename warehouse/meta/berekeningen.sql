-- meta.berekeningen: when a mart computed in Python was last computed, and from which inputs. A run
-- whose inputs have the same digest fits nothing (banen_pipeline/projections.py).
CREATE TABLE IF NOT EXISTS meta.berekeningen (
    tabel          VARCHAR NOT NULL,
    invoer_sha256  VARCHAR NOT NULL,
    berekend_op    TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.berekeningen IS 'Log of the marts computed in Python (the projections): one row each time a table was computed, with the digest of its inputs (history, targets, method code, SQL). The latest row per table is the one in use.';
COMMENT ON COLUMN meta.berekeningen.tabel IS 'Table computed, e.g. marts.projectie.';
COMMENT ON COLUMN meta.berekeningen.invoer_sha256 IS 'SHA-256 of the inputs: history, targets, the method''s code and the table''s SQL.';
COMMENT ON COLUMN meta.berekeningen.berekend_op IS 'When it was computed (UTC).';
