-- Forget the fingerprints of the extract's quarters $kwartalen (they are aggregated again).
DELETE FROM meta.microdata_kwartalen WHERE list_contains($kwartalen, kwartaal)
