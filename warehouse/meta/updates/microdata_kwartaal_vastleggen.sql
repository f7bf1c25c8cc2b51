-- Record that the extract's quarter $kwartaal was aggregated from files with fingerprint $vingerafdruk.
INSERT INTO meta.microdata_kwartalen
SELECT $kwartaal, $vingerafdruk, $bestanden, now()::TIMESTAMP, $run_id
