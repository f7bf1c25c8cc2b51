-- Frame for suite marts_projectie: the bands must nest on every forecast row; herkomst fits the row.
SELECT p.*,
       CASE WHEN is_prognose THEN ondergrens_80 - ondergrens_95 END AS marge_onder_95_80,
       CASE WHEN is_prognose THEN verwacht - ondergrens_80 END AS marge_onder_80_verwacht,
       CASE WHEN is_prognose THEN bovengrens_80 - verwacht END AS marge_verwacht_boven_80,
       CASE WHEN is_prognose THEN bovengrens_95 - bovengrens_80 END AS marge_boven_80_95,
       max(kwartaal) OVER (PARTITION BY segment) AS laatste_kwartaal_segment,
       max(kwartaal) OVER (PARTITION BY segment) >= '2026Q4' AS reikt_tot_eind,
       CASE WHEN is_prognose THEN herkomst = 'projectie'
            ELSE herkomst IN ('gepubliceerd', 'afgeleid', 'geinterpoleerd', 'nowcast') END AS herkomst_klopt
FROM marts.projectie AS p
ORDER BY segment, kwartaal
