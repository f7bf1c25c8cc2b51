-- Frame for suite microdata_steekproef: a fixed random sample of rows of the extract ($bestanden: the
-- Parquet glob), so that row rules are checked without reading every row into Python.
SELECT * FROM read_parquet($bestanden, hive_partitioning = true) USING SAMPLE reservoir(5000 ROWS) REPEATABLE (42)
