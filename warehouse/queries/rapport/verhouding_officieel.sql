-- Report, question 2: the official ratio per year (jaarmeting) and per nowcast quarter, with the ratio
-- in the year's target and the reference lines as marts.markt_overheid gives them.
SELECT o.periode, o.jaar, o.kwartaal,
       max(o.waarde) FILTER (WHERE o.segment = 'markt') AS markt,
       max(o.waarde) FILTER (WHERE o.segment = 'overheid') AS overheid,
       CASE WHEN bool_or(o.herkomst = 'nowcast') THEN 'nowcast'
            WHEN bool_or(o.herkomst = 'afgeleid') THEN 'afgeleid' ELSE 'gepubliceerd' END AS herkomst,
       round(max(o.waarde) FILTER (WHERE o.segment = 'markt') / max(o.waarde) FILTER (WHERE o.segment = 'overheid'), 2)
           AS verhouding,
       round(any_value(d.doel_markt) / any_value(d.doel_overheid), 2) AS verhouding_doel,
       (SELECT any_value(ambitie) FROM marts.markt_overheid) AS ambitie,
       (SELECT any_value(werkgelegenheid) FROM marts.markt_overheid) AS werkgelegenheid,
       (SELECT verhouding_kwartaalschatting FROM marts.markt_overheid AS m
        WHERE m.kwartaal = coalesce(o.kwartaal, printf('%dQ4', o.jaar))) AS verhouding_kwartaalschatting
FROM marts.officiele_meting AS o
LEFT JOIN referentie.doelen AS d ON d.jaar = o.jaar
WHERE o.segment IN ('markt', 'overheid')
GROUP BY o.periode, o.jaar, o.kwartaal
ORDER BY min(o.peildatum)
