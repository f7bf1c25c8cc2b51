-- Read-only: the quarters the aggregated payroll extract holds (banen_pipeline/defs/assets.py, the
-- partitions of staging/microdata_aggregaat).
SELECT DISTINCT kwartaal
FROM staging.microdata_aggregaat
ORDER BY kwartaal
