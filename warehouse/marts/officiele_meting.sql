-- marts.officiele_meting: the official measure (UWV's jaarmeting) per year and segment, as printed or
-- derived, and its nowcast for every quarter after the last jaarmeting (computed in
-- banen_pipeline/official.py and registered as _frame; typed and documented here).
CREATE OR REPLACE TABLE marts.officiele_meting AS
SELECT
    CAST(periode AS VARCHAR) AS periode,
    periode_einde(CAST(periode AS VARCHAR)) AS peildatum,
    CAST(jaar AS INTEGER) AS jaar,
    CAST(kwartaal AS VARCHAR) AS kwartaal,
    CAST(segment AS VARCHAR) AS segment,
    CAST(round(waarde, 0) AS DOUBLE) AS waarde,
    CAST(herkomst AS VARCHAR) AS herkomst,
    CAST(afleiding AS VARCHAR) AS afleiding,
    CAST(round(ondergrens_80, 0) AS DOUBLE) AS ondergrens_80,
    CAST(round(bovengrens_80, 0) AS DOUBLE) AS bovengrens_80,
    CAST(band AS VARCHAR) AS band,
    CAST(methode AS VARCHAR) AS methode,
    CAST(n_eerdere_fouten AS INTEGER) AS n_eerdere_fouten,
    CAST(bron_url AS VARCHAR) AS bron_url
FROM _frame
ORDER BY peildatum, segment;

COMMENT ON TABLE marts.officiele_meting IS 'The measure the targets are set in: UWV''s jaarmeting (inleen counted for the hiring employer), per year and segment as printed (gepubliceerd) or as the printed figures imply (afgeleid), and for every quarter after the last jaarmeting a nowcast of what it will say, with an 80% interval from the nowcast''s own errors in earlier years (marts.nowcast_backtest). Bridge and rule: banen_pipeline/official.py.';
COMMENT ON COLUMN marts.officiele_meting.periode IS 'A year (2023) for jaarmetingen, a quarter (2024Q2) for nowcasts.';
COMMENT ON COLUMN marts.officiele_meting.peildatum IS 'Date measured: 31 December of the year, or the last day of the quarter; the time axis for BI tools.';
COMMENT ON COLUMN marts.officiele_meting.jaar IS 'Year of the period.';
COMMENT ON COLUMN marts.officiele_meting.kwartaal IS 'Quarter of a nowcast; NULL for a jaarmeting.';
COMMENT ON COLUMN marts.officiele_meting.segment IS 'overheid, markt or totaal (= overheid + markt).';
COMMENT ON COLUMN marts.officiele_meting.waarde IS 'Extra banen since 31-12-2012 on the jaarmeting''s measure, whole banen.';
COMMENT ON COLUMN marts.officiele_meting.herkomst IS 'gepubliceerd (as printed), afgeleid (implied by printed figures, see afleiding) or nowcast (estimated from the quarterly figures).';
COMMENT ON COLUMN marts.officiele_meting.afleiding IS 'How a derived value follows from printed ones (totaal - markt = 85665 - 74031), or how a nowcast was made: the quarterly estimate, the correction, the bridge and the jaarmetingen it was learned from. NULL for printed values.';
COMMENT ON COLUMN marts.officiele_meting.ondergrens_80 IS 'Nowcasts: lower bound of the 80% interval (band says how it was made); NULL for jaarmetingen.';
COMMENT ON COLUMN marts.officiele_meting.bovengrens_80 IS 'Nowcasts: upper bound of the 80% interval.';
COMMENT ON COLUMN marts.officiele_meting.band IS 'Nowcasts: empirisch (the interval is the 80% quantile of the nowcast''s past errors), t_benadering (fewer than 4 past errors: a wider Student-t interval) or te_weinig (fewer than 2: no interval).';
COMMENT ON COLUMN marts.officiele_meting.methode IS 'Nowcasts: the bridge the rule chose (gemiddeld_verschil, vorig_verschil or geen_correctie; for totaal those of markt and overheid).';
COMMENT ON COLUMN marts.officiele_meting.n_eerdere_fouten IS 'Nowcasts: how many past nowcast errors the interval rests on.';
COMMENT ON COLUMN marts.officiele_meting.bron_url IS 'Public source of a printed or derived value.';
