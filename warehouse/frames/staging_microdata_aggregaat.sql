-- Frame for suite staging_microdata_aggregaat: the aggregates, per cell.
SELECT * FROM staging.microdata_aggregaat
