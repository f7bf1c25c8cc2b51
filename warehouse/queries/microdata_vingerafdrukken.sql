-- Read-only: the fingerprint each quarter of the payroll extract had when it was last aggregated.
SELECT kwartaal, vingerafdruk FROM meta.microdata_kwartalen
