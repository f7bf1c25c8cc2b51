-- Remove the durability counts of the quarters about to be counted again (a run is idempotent).
DELETE FROM staging.microdata_duurzaamheid WHERE list_contains($kwartalen, kwartaal);
