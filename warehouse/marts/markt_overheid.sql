-- marts.markt_overheid: how government compares with the market per quarter (current UWV figures).
CREATE OR REPLACE TABLE marts.markt_overheid AS
WITH sleutel AS (
    -- SEO's key with the next reference date beside it, for linear interpolation.
    SELECT peildatum, aandeel_overheid,
           lead(peildatum) OVER (ORDER BY peildatum) AS volgende_peildatum,
           lead(aandeel_overheid) OVER (ORDER BY peildatum) AS volgend_aandeel
    FROM referentie.inleen_verdeelsleutel
),
kwartalen AS (
    SELECT l.*, last_day(make_date(l.jaar, 3 * l.kwartaalnummer, 1)) AS einde_kwartaal
    FROM marts.landelijk_kwartaal AS l
),
met_sleutel AS (
    SELECT k.*,
           CASE
               WHEN s.volgende_peildatum IS NULL THEN s.aandeel_overheid  -- constant after the last date
               ELSE s.aandeel_overheid + (s.volgend_aandeel - s.aandeel_overheid)
                    * date_diff('day', s.peildatum, k.einde_kwartaal)
                    / date_diff('day', s.peildatum, s.volgende_peildatum)
           END AS inleen_aandeel_overheid
    FROM kwartalen AS k
    ASOF JOIN sleutel AS s ON k.einde_kwartaal >= s.peildatum
),
verdeeld AS (
    SELECT m.*,
           m.extra_banen_regulier_markt + m.extra_banen_inleen * (1 - m.inleen_aandeel_overheid)
               AS extra_banen_markt_incl_inleen,
           m.extra_banen_regulier_overheid + m.extra_banen_inleen * m.inleen_aandeel_overheid
               AS extra_banen_overheid_incl_inleen,
           d.doel_markt, d.doel_overheid, d.doel_totaal
    FROM met_sleutel AS m
    LEFT JOIN referentie.doelen AS d ON d.jaar = m.jaar
)
SELECT
    kwartaal,
    periode_einde(kwartaal) AS peildatum,
    jaar,
    extra_banen_regulier_markt,
    extra_banen_regulier_overheid,
    extra_banen_inleen,
    CAST(round(inleen_aandeel_overheid, 4) AS DOUBLE) AS inleen_aandeel_overheid,
    CAST(round(extra_banen_markt_incl_inleen, 1) AS DOUBLE) AS extra_banen_markt_incl_inleen,
    CAST(round(extra_banen_overheid_incl_inleen, 1) AS DOUBLE) AS extra_banen_overheid_incl_inleen,
    CASE WHEN extra_banen_regulier_overheid > 0
         THEN CAST(round(extra_banen_regulier_markt / extra_banen_regulier_overheid, 2) AS DOUBLE) END
        AS verhouding_regulier,
    CASE WHEN extra_banen_overheid_incl_inleen > 0
         THEN CAST(round(extra_banen_markt_incl_inleen / extra_banen_overheid_incl_inleen, 2) AS DOUBLE) END
        AS verhouding_incl_inleen,
    CASE
        WHEN extra_banen_regulier_overheid <= 0 AND extra_banen_overheid_incl_inleen <= 0 THEN
            printf('overheid <= 0 (regulier %d, incl. inleen %.0f): no ratio against the market',
                   extra_banen_regulier_overheid, extra_banen_overheid_incl_inleen)
        WHEN extra_banen_regulier_overheid <= 0 THEN
            printf('regular overheid <= 0 (%d): no regular ratio', extra_banen_regulier_overheid)
    END AS reden_geen_verhouding,
    CAST(round(doel_markt / doel_overheid, 2) AS DOUBLE) AS verhouding_doel,
    CAST(4.0 AS DOUBLE) AS ambitie,
    CAST(6.0 AS DOUBLE) AS werkgelegenheid,
    CAST(round(extra_banen_overheid_incl_inleen / nullif(extra_banen_totaal, 0), 4) AS DOUBLE)
        AS aandeel_overheid_realisatie,
    CAST(round(doel_overheid / doel_totaal, 4) AS DOUBLE) AS aandeel_overheid_doel
FROM verdeeld
ORDER BY kwartaal;

COMMENT ON TABLE marts.markt_overheid IS 'Market against government per quarter, from the current national UWV figures, with agency work (inleen) attributed by SEO''s key. Ratios are markt / overheid; NULL with a reason where overheid <= 0.';
COMMENT ON COLUMN marts.markt_overheid.kwartaal IS 'Quarter, e.g. 2023Q3.';
COMMENT ON COLUMN marts.markt_overheid.peildatum IS 'Last day of the quarter (the "Stand per" date), the time axis for BI tools.';
COMMENT ON COLUMN marts.markt_overheid.jaar IS 'Year of the quarter.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_regulier_markt IS 'Extra banen in regular jobs with market employers.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_regulier_overheid IS 'Extra banen in regular jobs with government employers.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_inleen IS 'Extra banen in agency work and secondment (not split by UWV).';
COMMENT ON COLUMN marts.markt_overheid.inleen_aandeel_overheid IS 'Share of inleen hired by government: SEO key (referentie.inleen_verdeelsleutel), linear between its reference dates, constant after the last.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_markt_incl_inleen IS 'Regular market jobs plus the market''s share of inleen.';
COMMENT ON COLUMN marts.markt_overheid.extra_banen_overheid_incl_inleen IS 'Regular government jobs plus government''s share of inleen.';
COMMENT ON COLUMN marts.markt_overheid.verhouding_regulier IS 'extra_banen_regulier_markt / extra_banen_regulier_overheid, 2 decimals; NULL where overheid <= 0 (see reden_geen_verhouding).';
COMMENT ON COLUMN marts.markt_overheid.verhouding_incl_inleen IS 'extra_banen_markt_incl_inleen / extra_banen_overheid_incl_inleen, 2 decimals; NULL where overheid <= 0.';
COMMENT ON COLUMN marts.markt_overheid.reden_geen_verhouding IS 'Why a ratio is NULL (government''s extra banen <= 0: a ratio would be negative or infinite).';
COMMENT ON COLUMN marts.markt_overheid.verhouding_doel IS 'Target markt / target overheid of that year (referentie.doelen); NULL where no target (2024).';
COMMENT ON COLUMN marts.markt_overheid.ambitie IS 'The agreement''s ambition 100,000 : 25,000 = 4.0 (referentie.doelen, 2025/2026: https://www.raadvanstate.nl/adviezen/@123676/w12-20-0470-iii/).';
COMMENT ON COLUMN marts.markt_overheid.werkgelegenheid IS 'Employment reference 6.0: government employs about 1 in 6 of the market''s employees, as stated in the seed of the banenafspraak questions; no printed source in sources/reference.';
COMMENT ON COLUMN marts.markt_overheid.aandeel_overheid_realisatie IS 'Government''s share of all extra banen, inleen attributed (0..1).';
COMMENT ON COLUMN marts.markt_overheid.aandeel_overheid_doel IS 'Government''s share of the target of that year (0..1).';
