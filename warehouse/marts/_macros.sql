-- Macros the mart files use (temporary: defined on the building connection, not stored in the file).
-- periode_einde: the "Stand per" date of a period: the last day of a quarter ('2019Q3' -> 2019-09-30)
-- or 31 December of a year ('2022' -> 2022-12-31).
CREATE OR REPLACE TEMP MACRO periode_einde(periode) AS
    CASE WHEN length(periode) = 4 THEN make_date(CAST(periode AS INTEGER), 12, 31)
         ELSE last_day(make_date(CAST(periode[1:4] AS INTEGER), 3 * CAST(periode[6] AS INTEGER), 1))
    END;
