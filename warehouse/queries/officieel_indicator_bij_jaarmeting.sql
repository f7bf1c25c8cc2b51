-- Read-only (banen_pipeline/official.py): per year, the fourth quarter's estimate as it stood when
-- that year's jaarmeting came out: the latest version published before 1 July of the next year
-- (UWV publishes the jaarmeting in July: 6 July 2023, 16 July 2024), else the first version. The
-- nowcast backtest uses only what existed then.
SELECT jaar,
       extra_banen_markt_incl_inleen AS markt,
       extra_banen_overheid_incl_inleen AS overheid,
       CAST(extra_banen_totaal AS DOUBLE) AS totaal
FROM marts.kwartaalschatting
WHERE right(kwartaal, 1) = '4'
QUALIFY row_number() OVER (
    PARTITION BY kwartaal
    ORDER BY publicatiedatum < make_date(jaar + 1, 7, 1) DESC,
             CASE WHEN publicatiedatum < make_date(jaar + 1, 7, 1) THEN publicatiedatum END DESC,
             versie
) = 1
ORDER BY jaar
