-- marts.revisies: what each re-delivery of a UWV quarter changed, figure by figure.
CREATE OR REPLACE TABLE marts.revisies AS
WITH waarden AS (
    UNPIVOT (
        SELECT kwartaal, regiocode, versie, bestand, publicatiedatum,
               doelgroep_personen, werkzame_personen, extra_banen_regulier_overheid,
               extra_banen_regulier_markt, extra_banen_inleen, extra_banen_totaal, banen_totaal
        FROM staging.uwv_kwartaal
        WHERE kwartaal IN (SELECT kwartaal FROM staging.uwv_kwartaal GROUP BY kwartaal HAVING count(DISTINCT bestand) > 1)
    ) ON COLUMNS(* EXCLUDE (kwartaal, regiocode, versie, bestand, publicatiedatum)) INTO NAME maat VALUE waarde
)
SELECT
    nieuw.kwartaal,
    periode_einde(nieuw.kwartaal) AS peildatum,
    nieuw.regiocode,
    nieuw.maat,
    oud.waarde AS oude_waarde,
    nieuw.waarde AS nieuwe_waarde,
    nieuw.waarde - oud.waarde AS verschil,
    oud.versie AS oude_versie,
    nieuw.versie AS nieuwe_versie,
    oud.bestand AS oud_bestand,
    nieuw.bestand AS nieuw_bestand,
    oud.publicatiedatum AS oude_publicatiedatum,
    nieuw.publicatiedatum AS nieuwe_publicatiedatum,
    CASE WHEN nieuw.regiocode = 'NL' THEN coalesce(h.herkomst, 'gepubliceerd') ELSE 'synthetisch' END AS herkomst
FROM waarden AS nieuw
JOIN waarden AS oud
    ON oud.kwartaal = nieuw.kwartaal AND oud.regiocode = nieuw.regiocode AND oud.maat = nieuw.maat
    AND oud.versie = nieuw.versie - 1
LEFT JOIN referentie.herkomst_kwartaal AS h ON h.kwartaal = nieuw.kwartaal AND h.maat = nieuw.maat
ORDER BY nieuw.kwartaal, nieuw.versie, nieuw.regiocode = 'NL' DESC, nieuw.regiocode, nieuw.maat;

COMMENT ON TABLE marts.revisies IS 'Revisions by UWV: for every quarter delivered more than once, per region (NL included), measure and pair of consecutive versions, the old and the new value. Unchanged figures are included with verschil 0.';
COMMENT ON COLUMN marts.revisies.kwartaal IS 'Quarter that was delivered again.';
COMMENT ON COLUMN marts.revisies.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.revisies.regiocode IS 'Arbeidsmarktregio code, or NL for the national row.';
COMMENT ON COLUMN marts.revisies.maat IS 'Measure: the column of staging.uwv_kwartaal, e.g. extra_banen_totaal.';
COMMENT ON COLUMN marts.revisies.oude_waarde IS 'Value in the older version.';
COMMENT ON COLUMN marts.revisies.nieuwe_waarde IS 'Value in the newer version.';
COMMENT ON COLUMN marts.revisies.verschil IS 'nieuwe_waarde - oude_waarde.';
COMMENT ON COLUMN marts.revisies.oude_versie IS 'Version number of the older delivery (1 = first publication).';
COMMENT ON COLUMN marts.revisies.nieuwe_versie IS 'Version number of the newer delivery (oude_versie + 1).';
COMMENT ON COLUMN marts.revisies.oud_bestand IS 'File of the older version.';
COMMENT ON COLUMN marts.revisies.nieuw_bestand IS 'File of the newer version.';
COMMENT ON COLUMN marts.revisies.oude_publicatiedatum IS 'Publication date of the older version.';
COMMENT ON COLUMN marts.revisies.nieuwe_publicatiedatum IS 'Publication date of the newer version.';
COMMENT ON COLUMN marts.revisies.herkomst IS 'Provenance of the figure in the sample data: for NL ingevuld (interpolated; referentie.herkomst_kwartaal, about the current version), else gepubliceerd (as UWV delivered it); synthetisch for a region (the regional split is made up, consistent with the national totals).';
