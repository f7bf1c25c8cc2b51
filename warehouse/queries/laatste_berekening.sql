-- Read-only: the digest of the inputs a Python-computed table was last computed from.
SELECT invoer_sha256 FROM meta.berekeningen WHERE tabel = $tabel ORDER BY berekend_op DESC LIMIT 1
