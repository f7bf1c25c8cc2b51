-- Record that a table was computed from inputs with this digest.
INSERT INTO meta.berekeningen VALUES ($tabel, $invoer_sha256, now()::TIMESTAMP);
