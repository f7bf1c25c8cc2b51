-- marts.kwartaalschatting: per quarter and version, UWV's national trend figures with agency work
-- (inleen) attributed to overheid and markt by SEO's key: the quarterly estimate of what the
-- jaarmeting measures, before the bridge to it (marts.officiele_meting).
CREATE OR REPLACE TABLE marts.kwartaalschatting AS
WITH sleutel AS (
    -- SEO's key with the next reference date beside it, for linear interpolation.
    SELECT peildatum, aandeel_overheid,
           lead(peildatum) OVER (ORDER BY peildatum) AS volgende_peildatum,
           lead(aandeel_overheid) OVER (ORDER BY peildatum) AS volgend_aandeel
    FROM referentie.inleen_verdeelsleutel
),
nl AS (
    SELECT *, periode_einde(kwartaal) AS einde_kwartaal
    FROM staging.uwv_kwartaal
    WHERE regiocode = 'NL'
),
met_sleutel AS (
    SELECT nl.*,
           CASE
               WHEN s.volgende_peildatum IS NULL THEN s.aandeel_overheid  -- constant after the last date
               ELSE s.aandeel_overheid + (s.volgend_aandeel - s.aandeel_overheid)
                    * date_diff('day', s.peildatum, nl.einde_kwartaal)
                    / date_diff('day', s.peildatum, s.volgende_peildatum)
           END AS aandeel
    FROM nl
    ASOF JOIN sleutel AS s ON nl.einde_kwartaal >= s.peildatum
),
herkomst AS (
    -- a quarter's estimate is as printed only when every figure it is made of is
    SELECT kwartaal,
           CASE WHEN bool_and(herkomst = 'gepubliceerd') THEN 'gepubliceerd' ELSE 'ingevuld' END AS herkomst
    FROM referentie.herkomst_kwartaal
    WHERE maat IN ('extra_banen_regulier_markt', 'extra_banen_regulier_overheid', 'extra_banen_inleen')
    GROUP BY kwartaal
)
SELECT
    m.kwartaal,
    m.einde_kwartaal AS peildatum,
    CAST(left(m.kwartaal, 4) AS INTEGER) AS jaar,
    m.versie,
    m.publicatiedatum,
    m.is_actueel,
    m.extra_banen_regulier_markt,
    m.extra_banen_regulier_overheid,
    m.extra_banen_inleen,
    m.extra_banen_totaal,
    CAST(round(m.aandeel, 4) AS DOUBLE) AS inleen_aandeel_overheid,
    CAST(round(m.extra_banen_regulier_markt + m.extra_banen_inleen * (1 - m.aandeel), 1) AS DOUBLE)
        AS extra_banen_markt_incl_inleen,
    CAST(round(m.extra_banen_regulier_overheid + m.extra_banen_inleen * m.aandeel, 1) AS DOUBLE)
        AS extra_banen_overheid_incl_inleen,
    coalesce(h.herkomst, 'gepubliceerd') AS herkomst,
    m.bestand
FROM met_sleutel AS m
LEFT JOIN herkomst AS h USING (kwartaal)
ORDER BY m.kwartaal, m.versie;

COMMENT ON TABLE marts.kwartaalschatting IS 'Per quarter and delivered version: UWV''s national trend figures with agency work (inleen) attributed to overheid and markt by SEO''s key. This is a quarterly estimate of what UWV''s jaarmeting measures, not the official figure: it differs from the jaarmeting every year (marts.nowcast_backtest, marts.jaarmeting_vergelijking). marts.officiele_meting bridges it to the jaarmeting.';
COMMENT ON COLUMN marts.kwartaalschatting.kwartaal IS 'Quarter, e.g. 2023Q4.';
COMMENT ON COLUMN marts.kwartaalschatting.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.kwartaalschatting.jaar IS 'Year of the quarter.';
COMMENT ON COLUMN marts.kwartaalschatting.versie IS 'Version of the quarter (1 = first publication); staging.uwv_kwartaal.';
COMMENT ON COLUMN marts.kwartaalschatting.publicatiedatum IS 'Publication date of the version: which figures existed at a given date (the nowcast backtest uses it).';
COMMENT ON COLUMN marts.kwartaalschatting.is_actueel IS 'True for the latest publication of the quarter.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_regulier_markt IS 'Extra banen since 31-12-2012 in regular jobs with market employers.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_regulier_overheid IS 'Extra banen since 31-12-2012 in regular jobs with government employers.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_inleen IS 'Extra banen since 31-12-2012 in agency work and secondment, which UWV''s quarterly figures do not split.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_totaal IS 'Extra banen since 31-12-2012, all categories.';
COMMENT ON COLUMN marts.kwartaalschatting.inleen_aandeel_overheid IS 'Share of inleen hired by government, a fraction (0..1), four decimals: SEO key (referentie.inleen_verdeelsleutel), linear between its reference dates, constant after the last.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_markt_incl_inleen IS 'Regular market jobs plus the market''s share of inleen, one decimal: the quarterly estimate for markt.';
COMMENT ON COLUMN marts.kwartaalschatting.extra_banen_overheid_incl_inleen IS 'Regular government jobs plus government''s share of inleen, one decimal: the quarterly estimate for overheid.';
COMMENT ON COLUMN marts.kwartaalschatting.herkomst IS 'gepubliceerd when the quarter''s regular and inleen figures are as printed, ingevuld when any is interpolated in the sample data (referentie.herkomst_kwartaal); a quarter UWV delivered without a provenance row is gepubliceerd: the delivery is UWV''s publication. The split of inleen is an estimate either way.';
COMMENT ON COLUMN marts.kwartaalschatting.bestand IS 'Delivery the figures come from.';
