-- Report, question 2: each year in which government's extra banen fell in the jaarmeting, beside what
-- the quarterly figures of the fourth quarters show for that year: regular work in government, and
-- inleen (agency work, not split between market and government there); ingevuld when any of those four
-- quarterly figures is filled in (referentie.herkomst_kwartaal: not printed by UWV, interpolated in the samples).
WITH jaar AS (
    SELECT jaar, waarde, lag(waarde) OVER (ORDER BY jaar) AS vorig
    FROM marts.officiele_meting
    WHERE segment = 'overheid' AND kwartaal IS NULL AND herkomst IN ('gepubliceerd', 'afgeleid')
)
SELECT j.jaar, j.vorig AS van, j.waarde AS naar, j.waarde - j.vorig AS verschil,
       v.extra_banen_regulier_overheid AS regulier_van, n.extra_banen_regulier_overheid AS regulier_naar,
       v.extra_banen_inleen AS inleen_van, n.extra_banen_inleen AS inleen_naar,
       EXISTS (
           SELECT 1 FROM referentie.herkomst_kwartaal AS h
           WHERE h.kwartaal IN (printf('%dQ4', j.jaar - 1), printf('%dQ4', j.jaar))
             AND h.maat IN ('extra_banen_regulier_overheid', 'extra_banen_inleen') AND h.herkomst = 'ingevuld'
       ) AS ingevuld
FROM jaar AS j
LEFT JOIN marts.landelijk_kwartaal AS v ON v.kwartaal = printf('%dQ4', j.jaar - 1)
LEFT JOIN marts.landelijk_kwartaal AS n ON n.kwartaal = printf('%dQ4', j.jaar)
WHERE j.waarde < j.vorig
ORDER BY j.jaar
