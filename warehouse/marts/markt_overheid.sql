-- marts.markt_overheid: how government compares with the market per quarter: on the official measure
-- (UWV's jaarmeting, or its nowcast after the last one) and as the quarterly estimate.
CREATE OR REPLACE TABLE marts.markt_overheid AS
WITH schatting AS (
    SELECT * FROM marts.kwartaalschatting WHERE is_actueel
),
officieel AS (
    -- the jaarmeting on the fourth quarter of its year, the nowcast on its own quarter
    SELECT coalesce(kwartaal, printf('%dQ4', jaar)) AS kwartaal,
           max(waarde) FILTER (WHERE segment = 'markt') AS markt,
           max(waarde) FILTER (WHERE segment = 'overheid') AS overheid,
           CASE WHEN bool_or(herkomst = 'nowcast') THEN 'nowcast'
                WHEN bool_or(herkomst = 'afgeleid') THEN 'afgeleid'
                ELSE 'gepubliceerd' END AS herkomst
    FROM marts.officiele_meting
    WHERE segment IN ('markt', 'overheid')
    GROUP BY ALL
)
SELECT
    s.kwartaal,
    s.peildatum,
    s.jaar,
    s.extra_banen_regulier_markt,
    s.extra_banen_regulier_overheid,
    s.extra_banen_inleen,
    s.inleen_aandeel_overheid,
    s.extra_banen_markt_incl_inleen,
    s.extra_banen_overheid_incl_inleen,
    o.markt AS extra_banen_markt_officieel,
    o.overheid AS extra_banen_overheid_officieel,
    CASE WHEN o.overheid > 0 THEN CAST(round(o.markt / o.overheid, 2) AS DOUBLE) END AS verhouding_officieel,
    o.herkomst AS herkomst_officieel,
    CASE WHEN s.extra_banen_regulier_overheid > 0
         THEN CAST(round(s.extra_banen_regulier_markt / s.extra_banen_regulier_overheid, 2) AS DOUBLE) END
        AS verhouding_regulier,
    CASE WHEN s.extra_banen_overheid_incl_inleen > 0
         THEN CAST(round(s.extra_banen_markt_incl_inleen / s.extra_banen_overheid_incl_inleen, 2) AS DOUBLE) END
        AS verhouding_kwartaalschatting,
    CASE
        WHEN s.extra_banen_regulier_overheid <= 0 AND s.extra_banen_overheid_incl_inleen <= 0 THEN
            printf('overheid <= 0 (regulier %d, incl. inleen %.0f): no ratio against the market',
                   s.extra_banen_regulier_overheid, s.extra_banen_overheid_incl_inleen)
        WHEN s.extra_banen_regulier_overheid <= 0 THEN
            printf('regular overheid <= 0 (%d): no regular ratio', s.extra_banen_regulier_overheid)
    END AS reden_geen_verhouding,
    CAST(round(d.doel_markt / d.doel_overheid, 2) AS DOUBLE) AS verhouding_doel,
    CAST(4.0 AS DOUBLE) AS ambitie,
    CAST(6.0 AS DOUBLE) AS werkgelegenheid,
    CAST(round(s.extra_banen_overheid_incl_inleen / nullif(s.extra_banen_totaal, 0), 4) AS DOUBLE)
        AS aandeel_overheid_realisatie,
    CAST(round(d.doel_overheid / d.doel_totaal, 4) AS DOUBLE) AS aandeel_overheid_doel,
    s.herkomst
FROM schatting AS s
LEFT JOIN officieel AS o USING (kwartaal)
LEFT JOIN referentie.doelen AS d ON d.jaar = s.jaar
ORDER BY s.kwartaal;

COMMENT ON TABLE marts.markt_overheid IS 'Market against government per quarter. The official ratio (verhouding_officieel) is on the jaarmeting''s measure, where the targets are counted: the jaarmeting on each fourth quarter, the nowcast on quarters after the last jaarmeting (marts.officiele_meting). The other ratios are quarterly estimates from UWV''s trend figures (inleen split by SEO''s key), not the official ratio. Ratios are markt / overheid; NULL with a reason where overheid <= 0.';
COMMENT ON COLUMN marts.markt_overheid.kwartaal IS 'Quarter, e.g. 2023Q3.';
COMMENT ON COLUMN marts.markt_overheid.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.markt_overheid.jaar IS 'Year of the quarter.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_regulier_markt IS 'Extra banen in regular jobs with market employers (quarterly figures).';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_regulier_overheid IS 'Extra banen in regular jobs with government employers (quarterly figures).';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_inleen IS 'Extra banen in agency work and secondment (not split by UWV''s quarterly figures).';
COMMENT ON COLUMN marts.markt_overheid.inleen_aandeel_overheid IS 'Share of inleen hired by government, a fraction (0..1): SEO key (referentie.inleen_verdeelsleutel), linear between its reference dates, constant after the last.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_markt_incl_inleen IS 'Quarterly estimate for markt: regular market jobs plus the market''s share of inleen (marts.kwartaalschatting).';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_overheid_incl_inleen IS 'Quarterly estimate for overheid: regular government jobs plus government''s share of inleen.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_markt_officieel IS 'markt on the official measure: the jaarmeting (fourth quarters) or its nowcast (quarters after the last jaarmeting); NULL on other quarters.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_overheid_officieel IS 'overheid on the official measure, as extra_banen_markt_officieel.';
COMMENT ON COLUMN marts.markt_overheid.verhouding_officieel IS 'The official ratio markt / overheid, 2 decimals: from the jaarmeting on fourth quarters, from the nowcast after the last jaarmeting (herkomst_officieel); NULL on other quarters. This is the ratio to quote.';
COMMENT ON COLUMN marts.markt_overheid.herkomst_officieel IS 'gepubliceerd (both figures printed), afgeleid (one implied by printed figures) or nowcast; NULL where there is no official ratio.';
COMMENT ON COLUMN marts.markt_overheid.verhouding_regulier IS 'Quarterly estimate, regular jobs only: extra_banen_regulier_markt / extra_banen_regulier_overheid, 2 decimals; NULL where overheid <= 0 (see reden_geen_verhouding). Not the official ratio.';
COMMENT ON COLUMN marts.markt_overheid.verhouding_kwartaalschatting IS 'Quarterly estimate with inleen split by SEO''s key: extra_banen_markt_incl_inleen / extra_banen_overheid_incl_inleen, 2 decimals; NULL where overheid <= 0. Not the official ratio: it differs from the jaarmeting every year.';
COMMENT ON COLUMN marts.markt_overheid.reden_geen_verhouding IS 'Why a quarterly ratio is NULL (government''s extra banen <= 0: a ratio would be negative or infinite).';
COMMENT ON COLUMN marts.markt_overheid.verhouding_doel IS 'Target markt / target overheid of that year (referentie.doelen).';
COMMENT ON COLUMN marts.markt_overheid.ambitie IS 'The agreement''s ambition 100,000 : 25,000 = 4.0 (referentie.doelen, 2025/2026: https://www.raadvanstate.nl/adviezen/@123676/w12-20-0470-iii/).';
COMMENT ON COLUMN marts.markt_overheid.werkgelegenheid IS 'Employment reference 6.0: government employs about 1 in 6 of the market''s employees, as stated in the seed of the banenafspraak questions; no printed source in sources/reference.';
COMMENT ON COLUMN marts.markt_overheid.aandeel_overheid_realisatie IS 'Government''s share of all extra banen in the quarterly estimate, a fraction (0..1).';
COMMENT ON COLUMN marts.markt_overheid.aandeel_overheid_doel IS 'Government''s share of the target of that year, a fraction (0..1).';
COMMENT ON COLUMN marts.markt_overheid.herkomst IS 'Provenance of the quarter''s figures (marts.kwartaalschatting.herkomst): gepubliceerd or ingevuld (interpolated in the sample data).';
