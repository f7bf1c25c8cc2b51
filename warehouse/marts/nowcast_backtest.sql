-- marts.nowcast_backtest: every year's jaarmeting nowcast from what existed before it came out, by
-- each bridge and by the rule, beside the jaarmeting (computed in banen_pipeline/official.py and
-- registered as _frame; typed and documented here).
CREATE OR REPLACE TABLE marts.nowcast_backtest AS
WITH rijen AS (
    SELECT
        CAST(jaar AS INTEGER) AS jaar,
        CAST(segment AS VARCHAR) AS segment,
        CAST(methode AS VARCHAR) AS methode,
        CAST(keuze AS VARCHAR) AS keuze,
        CAST(round(kwartaalschatting, 1) AS DOUBLE) AS kwartaalschatting,
        CAST(round(correctie, 0) AS DOUBLE) + 0.0 AS correctie,
        CAST(round(nowcast, 0) AS DOUBLE) AS nowcast,
        CAST(jaarmeting AS DOUBLE) AS jaarmeting,
        CAST(herkomst_jaarmeting AS VARCHAR) AS herkomst_jaarmeting,
        CAST(round(fout, 0) AS DOUBLE) + 0.0 AS fout,
        CAST(round(ondergrens_80, 0) AS DOUBLE) AS ondergrens_80,
        CAST(round(bovengrens_80, 0) AS DOUBLE) AS bovengrens_80,
        CAST(band AS VARCHAR) AS band,
        CAST(n_eerdere_fouten AS INTEGER) AS n_eerdere_fouten,
        CAST(binnen_80 AS BOOLEAN) AS binnen_80
    FROM _frame
)
SELECT
    jaar,
    make_date(jaar, 12, 31) AS peildatum,
    segment, methode, keuze, kwartaalschatting, correctie, nowcast, jaarmeting, herkomst_jaarmeting, fout,
    abs(fout) AS absolute_fout,
    CAST(round(avg(abs(fout)) OVER (PARTITION BY segment, methode), 0) AS DOUBLE) AS gemiddelde_absolute_fout,
    CAST(count(fout) OVER (PARTITION BY segment, methode) AS INTEGER) AS n_jaren,
    ondergrens_80, bovengrens_80, band, n_eerdere_fouten, binnen_80
FROM rijen
ORDER BY segment, methode, jaar;

COMMENT ON TABLE marts.nowcast_backtest IS 'How well the quarterly figures predict UWV''s jaarmeting: for every year after the first, its nowcast from what existed before the jaarmeting came out (earlier jaarmetingen; the Q4 estimate as published before July of the next year), by each bridge and by the rule (methode volgens_regel: the procedure marts.officiele_meting publishes), beside the jaarmeting. The SEO key is used as known today.';
COMMENT ON COLUMN marts.nowcast_backtest.jaar IS 'Year whose jaarmeting is nowcast.';
COMMENT ON COLUMN marts.nowcast_backtest.peildatum IS '31 December of the year, the time axis for BI tools.';
COMMENT ON COLUMN marts.nowcast_backtest.segment IS 'overheid, markt or totaal (= overheid + markt).';
COMMENT ON COLUMN marts.nowcast_backtest.methode IS 'The bridge (gemiddeld_verschil, vorig_verschil, geen_correctie) or volgens_regel (the candidate the rule picked that year from the years before).';
COMMENT ON COLUMN marts.nowcast_backtest.keuze IS 'The bridge used; for volgens_regel the rule''s pick (for totaal those of markt and overheid).';
COMMENT ON COLUMN marts.nowcast_backtest.kwartaalschatting IS 'The Q4 quarterly estimate (marts.kwartaalschatting) as it stood when the jaarmeting came out, one decimal.';
COMMENT ON COLUMN marts.nowcast_backtest.correctie IS 'The correction the bridge added, whole banen.';
COMMENT ON COLUMN marts.nowcast_backtest.nowcast IS 'kwartaalschatting + correctie, whole banen.';
COMMENT ON COLUMN marts.nowcast_backtest.jaarmeting IS 'The jaarmeting (marts.officiele_meting).';
COMMENT ON COLUMN marts.nowcast_backtest.herkomst_jaarmeting IS 'gepubliceerd or afgeleid: how the jaarmeting compared with is known.';
COMMENT ON COLUMN marts.nowcast_backtest.fout IS 'nowcast - jaarmeting, whole banen (positive: nowcast too high).';
COMMENT ON COLUMN marts.nowcast_backtest.absolute_fout IS '|fout|.';
COMMENT ON COLUMN marts.nowcast_backtest.gemiddelde_absolute_fout IS 'Mean absolute error of this segment and methode over all its years (n_jaren): the typical nowcast error.';
COMMENT ON COLUMN marts.nowcast_backtest.n_jaren IS 'Years the mean absolute error is taken over.';
COMMENT ON COLUMN marts.nowcast_backtest.ondergrens_80 IS 'Lower bound of the 80% interval the nowcast would have had, from the errors of the years before (band); NULL where too few.';
COMMENT ON COLUMN marts.nowcast_backtest.bovengrens_80 IS 'Upper bound of that 80% interval.';
COMMENT ON COLUMN marts.nowcast_backtest.band IS 'empirisch (80% quantile of at least 4 earlier errors), t_benadering (2 or 3: Student-t) or te_weinig (fewer than 2: no interval).';
COMMENT ON COLUMN marts.nowcast_backtest.n_eerdere_fouten IS 'Earlier errors the interval rests on.';
COMMENT ON COLUMN marts.nowcast_backtest.binnen_80 IS 'Whether the jaarmeting fell inside the 80% interval; NULL without one. Measured out of time, so it can fail.';
