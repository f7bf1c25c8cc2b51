-- Report, headline: how many published figures the warehouse reproduces, all and national quarterly.
SELECT count(*) FILTER (WHERE status = 'gelijk') AS gelijk,
       count(*) FILTER (WHERE status = 'verschil') AS verschil,
       count(*) FILTER (WHERE status = 'niet_beschikbaar') AS niet_beschikbaar,
       count(*) FILTER (WHERE status = 'gelijk' AND bron = 'published_quarterly') AS landelijk_gelijk,
       count(*) FILTER (WHERE bron = 'published_quarterly') AS landelijk
FROM marts.reconciliatie
