-- raw: UWV deliveries exactly as delivered, every value as text, with the file and line or row.
CREATE TABLE IF NOT EXISTS raw.uwv_trendrapportage (
    bestand                        VARCHAR NOT NULL,
    regel                          BIGINT NOT NULL,
    arbeidsmarktregio              VARCHAR,
    regiocode                      VARCHAR,
    personen_in_doelgroepregister  VARCHAR,
    werkzame_personen              VARCHAR,
    extra_banen_regulier_overheid  VARCHAR,
    extra_banen_regulier_markt     VARCHAR,
    extra_banen_inleen             VARCHAR,
    extra_banen_totaal             VARCHAR,
    banen_totaal                   VARCHAR
);
COMMENT ON TABLE raw.uwv_trendrapportage IS 'Table rows of the UWV trend report CSV (quarters up to 2021Q2), as delivered: text, Dutch number format.';
COMMENT ON COLUMN raw.uwv_trendrapportage.bestand IS 'File name as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.regel IS 'Line number in the file (1-based).';
COMMENT ON COLUMN raw.uwv_trendrapportage.arbeidsmarktregio IS 'Column Arbeidsmarktregio as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.regiocode IS 'Column Regiocode as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.personen_in_doelgroepregister IS 'Column Personen in doelgroepregister as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.werkzame_personen IS 'Column Werkzame personen as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.extra_banen_regulier_overheid IS 'Column Extra banen regulier overheid as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.extra_banen_regulier_markt IS 'Column Extra banen regulier markt as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.extra_banen_inleen IS 'Column Extra banen inleen as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.extra_banen_totaal IS 'Column Extra banen totaal as delivered.';
COMMENT ON COLUMN raw.uwv_trendrapportage.banen_totaal IS 'Column Banen totaal as delivered.';

CREATE TABLE IF NOT EXISTS raw.uwv_dashboard_banen (
    bestand      VARCHAR NOT NULL,
    rij          BIGINT NOT NULL,
    periode      VARCHAR,
    regiocode    VARCHAR,
    regio        VARCHAR,
    categorie    VARCHAR,
    extra_banen  VARCHAR,
    banen        VARCHAR
);
COMMENT ON TABLE raw.uwv_dashboard_banen IS 'Sheet Banen of the UWV dashboard export XLSX (quarters from 2021Q3), as delivered, cells as text.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.bestand IS 'File name as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.rij IS 'Row number in sheet Banen.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.periode IS 'Column Periode as delivered (2022 Q3).';
COMMENT ON COLUMN raw.uwv_dashboard_banen.regiocode IS 'Column Regiocode as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.regio IS 'Column Regio as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.categorie IS 'Column Categorie: Regulier overheid, Regulier markt, Inleen or Totaal.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.extra_banen IS 'Column Extra banen t.o.v. nulmeting as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_banen.banen IS 'Column Banen (absolute count, only on Totaal rows) as delivered.';

CREATE TABLE IF NOT EXISTS raw.uwv_dashboard_personen (
    bestand             VARCHAR NOT NULL,
    rij                 BIGINT NOT NULL,
    periode             VARCHAR,
    regiocode           VARCHAR,
    regio               VARCHAR,
    doelgroep_personen  VARCHAR,
    werkzame_personen   VARCHAR
);
COMMENT ON TABLE raw.uwv_dashboard_personen IS 'Sheet Personen of the UWV dashboard export XLSX (quarters from 2021Q3), as delivered, cells as text.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.bestand IS 'File name as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.rij IS 'Row number in sheet Personen.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.periode IS 'Column Periode as delivered (2022 Q3).';
COMMENT ON COLUMN raw.uwv_dashboard_personen.regiocode IS 'Column Regiocode as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.regio IS 'Column Regio as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.doelgroep_personen IS 'Column Doelgroep (personen) as delivered.';
COMMENT ON COLUMN raw.uwv_dashboard_personen.werkzame_personen IS 'Column Werkzame personen as delivered.';
