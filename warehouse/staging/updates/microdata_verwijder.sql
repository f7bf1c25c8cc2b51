-- Remove the aggregates of the quarters about to be aggregated again (a run is idempotent).
DELETE FROM staging.microdata_aggregaat WHERE list_contains($kwartalen, kwartaal);
