-- staging: the public sectors' deliveries, typed, every version kept.
CREATE TABLE IF NOT EXISTS staging.rijk_monitor (
    kwartaal                 VARCHAR NOT NULL,
    peildatum                DATE NOT NULL,
    organisatie              VARCHAR NOT NULL,
    taakstelling             BIGINT,
    realisatie               DOUBLE,
    realisatie_pct           DOUBLE,
    realisatie_pct_geleverd  DOUBLE,
    versie                   INTEGER,
    is_actueel               BOOLEAN,
    bestand                  VARCHAR NOT NULL,
    bron_locatie             VARCHAR
);
COMMENT ON TABLE staging.rijk_monitor IS 'Monitor Banenafspraak Rijk per quarter and organisation (ministries, Hoge Colleges van Staat, Rechterlijke macht) plus Totaal Rijk. The split over organisations in the sample data is synthetic; Totaal Rijk equals the published figures where referentie.gepubliceerd_sectoren has them.';
COMMENT ON COLUMN staging.rijk_monitor.kwartaal IS 'Quarter, e.g. 2022Q4.';
COMMENT ON COLUMN staging.rijk_monitor.peildatum IS 'The Stand date of the monitor (last day of the quarter).';
COMMENT ON COLUMN staging.rijk_monitor.organisatie IS 'Organisation, or Totaal Rijk for the sector total.';
COMMENT ON COLUMN staging.rijk_monitor.taakstelling IS 'Target of the year in banen (whole number).';
COMMENT ON COLUMN staging.rijk_monitor.realisatie IS 'Realisation in banen of 25.5 hours a week (one decimal).';
COMMENT ON COLUMN staging.rijk_monitor.realisatie_pct IS 'Recomputed: 100 * realisatie / taakstelling, one decimal.';
COMMENT ON COLUMN staging.rijk_monitor.realisatie_pct_geleverd IS 'The percentage as the supplier delivered it (x100, one decimal); may be wrong.';
COMMENT ON COLUMN staging.rijk_monitor.versie IS 'Version of the quarter (1 = first delivery).';
COMMENT ON COLUMN staging.rijk_monitor.is_actueel IS 'True for the latest delivery of the quarter.';
COMMENT ON COLUMN staging.rijk_monitor.bestand IS 'File the row was delivered in.';
COMMENT ON COLUMN staging.rijk_monitor.bron_locatie IS 'Row of the sheet the figures come from.';

CREATE TABLE IF NOT EXISTS staging.sector_rapportage (
    jaar          INTEGER NOT NULL,
    sector        VARCHAR NOT NULL,
    taakstelling  BIGINT,
    realisatie    BIGINT,
    opmerking     VARCHAR,
    versie        INTEGER,
    is_actueel    BOOLEAN,
    bestand       VARCHAR NOT NULL,
    bron_locatie  VARCHAR
);
COMMENT ON TABLE staging.sector_rapportage IS 'Yearly progress of the 13 public sectors. The split over sectors in the sample data is synthetic; the sums equal the published government targets and jaarmetingen.';
COMMENT ON COLUMN staging.sector_rapportage.jaar IS 'Year (figures as at 31 December).';
COMMENT ON COLUMN staging.sector_rapportage.sector IS 'One of the 13 public sectors.';
COMMENT ON COLUMN staging.sector_rapportage.taakstelling IS 'Cumulative target of the sector in extra banen.';
COMMENT ON COLUMN staging.sector_rapportage.realisatie IS 'Extra banen since the nulmeting of 31-12-2012.';
COMMENT ON COLUMN staging.sector_rapportage.opmerking IS 'Remark delivered with the row.';
COMMENT ON COLUMN staging.sector_rapportage.versie IS 'Version of the year (1 = first delivery).';
COMMENT ON COLUMN staging.sector_rapportage.is_actueel IS 'True for the latest delivery of the year.';
COMMENT ON COLUMN staging.sector_rapportage.bestand IS 'File the row was delivered in.';
COMMENT ON COLUMN staging.sector_rapportage.bron_locatie IS 'Line of the file the figures come from.';
