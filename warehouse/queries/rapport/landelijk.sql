-- Report (banen_pipeline/report.py), chart "National extra banen against the target path": every quarter.
SELECT kwartaal, extra_banen_regulier_markt, extra_banen_regulier_overheid, extra_banen_inleen,
       extra_banen_totaal, taakstelling_totaal, taakstelling_markt, taakstelling_overheid
FROM marts.landelijk_kwartaal
ORDER BY kwartaal
