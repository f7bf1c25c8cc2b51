-- marts.jaarmeting_vergelijking: per year, the Q4 trend estimate with inleen attributed beside UWV's jaarmeting.
CREATE OR REPLACE TABLE marts.jaarmeting_vergelijking AS
SELECT
    j.jaar,
    make_date(j.jaar, 12, 31) AS peildatum,
    m.kwartaal AS kwartaal_schatting,
    m.extra_banen_overheid_incl_inleen AS schatting_overheid,
    m.extra_banen_markt_incl_inleen AS schatting_markt,
    j.extra_banen_overheid AS jaarmeting_overheid,
    j.extra_banen_markt AS jaarmeting_markt,
    CAST(round(m.extra_banen_overheid_incl_inleen - j.extra_banen_overheid, 1) AS DOUBLE) AS verschil_overheid,
    CAST(round(m.extra_banen_markt_incl_inleen - j.extra_banen_markt, 1) AS DOUBLE) AS verschil_markt,
    j.bron_url
FROM referentie.jaarmeting AS j
LEFT JOIN marts.kwartaalschatting AS m ON m.kwartaal = printf('%dQ4', j.jaar) AND m.is_actueel
ORDER BY j.jaar;

COMMENT ON TABLE marts.jaarmeting_vergelijking IS 'Per year: the Q4 trend figures with inleen attributed by SEO''s key (marts.kwartaalschatting) beside UWV''s published jaarmeting, which attributes inleen from payroll data; they differ every year.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.jaar IS 'Year (31 December).';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.peildatum IS '31 December of the year (the date the yearly figures measure), the time axis for BI tools.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.kwartaal_schatting IS 'The quarter the estimate comes from (Q4 of the year); NULL where no delivery.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.schatting_overheid IS 'Q4 estimate for overheid incl. attributed inleen.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.schatting_markt IS 'Q4 estimate for markt incl. attributed inleen.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.jaarmeting_overheid IS 'Published jaarmeting for overheid; NULL where not printed.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.jaarmeting_markt IS 'Published jaarmeting for markt.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.verschil_overheid IS 'schatting_overheid - jaarmeting_overheid.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.verschil_markt IS 'schatting_markt - jaarmeting_markt.';
COMMENT ON COLUMN marts.jaarmeting_vergelijking.bron_url IS 'Source of the jaarmeting.';
