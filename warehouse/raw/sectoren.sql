-- raw: the public sectors' deliveries exactly as delivered, every value as text, with file and line or row.
CREATE TABLE IF NOT EXISTS raw.rijk_monitor (
    bestand         VARCHAR NOT NULL,
    rij             BIGINT NOT NULL,
    organisatie     VARCHAR,
    taakstelling    VARCHAR,
    realisatie      VARCHAR,
    realisatie_pct  VARCHAR
);
COMMENT ON TABLE raw.rijk_monitor IS 'Rows of the Monitor Banenafspraak Rijk XLSX (quarterly from 2019Q1), as delivered, cells as text. The split over organisations in the sample data is synthetic.';
COMMENT ON COLUMN raw.rijk_monitor.bestand IS 'File name as delivered.';
COMMENT ON COLUMN raw.rijk_monitor.rij IS 'Row number in the sheet.';
COMMENT ON COLUMN raw.rijk_monitor.organisatie IS 'Column Organisatie as delivered.';
COMMENT ON COLUMN raw.rijk_monitor.taakstelling IS 'Column Taakstelling <YYYY> as delivered.';
COMMENT ON COLUMN raw.rijk_monitor.realisatie IS 'Column Realisatie (banen of 25.5 hours) as delivered.';
COMMENT ON COLUMN raw.rijk_monitor.realisatie_pct IS 'Column Realisatie % as delivered (a fraction).';

CREATE TABLE IF NOT EXISTS raw.sector_rapportage (
    bestand       VARCHAR NOT NULL,
    regel         BIGINT NOT NULL,
    sector        VARCHAR,
    jaar          VARCHAR,
    taakstelling  VARCHAR,
    realisatie    VARCHAR,
    opmerking     VARCHAR
);
COMMENT ON TABLE raw.sector_rapportage IS 'Rows of the Voortgangsrapportage publieke sectoren CSV (yearly from 2015), as delivered. The split over sectors in the sample data is synthetic.';
COMMENT ON COLUMN raw.sector_rapportage.bestand IS 'File name as delivered.';
COMMENT ON COLUMN raw.sector_rapportage.regel IS 'Line number in the file.';
COMMENT ON COLUMN raw.sector_rapportage.sector IS 'Column Sector as delivered.';
COMMENT ON COLUMN raw.sector_rapportage.jaar IS 'Column Jaar as delivered.';
COMMENT ON COLUMN raw.sector_rapportage.taakstelling IS 'Column Taakstelling (cumulatief) as delivered.';
COMMENT ON COLUMN raw.sector_rapportage.realisatie IS 'Column Realisatie (extra banen t.o.v. nulmeting) as delivered.';
COMMENT ON COLUMN raw.sector_rapportage.opmerking IS 'Column Opmerking as delivered.';
