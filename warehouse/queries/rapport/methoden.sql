-- Report, trust: per segment and method the rule's score, its parts, and which method it chose.
SELECT segment, methode, any_value(keuze_mase) AS mase, any_value(keuze_bias_geschaald) AS scheefheid,
       any_value(keuze_score) AS score, bool_or(gepubliceerd) AS gekozen
FROM marts.projectie_kalibratie
GROUP BY segment, methode
ORDER BY CASE segment WHEN 'overheid' THEN 0 WHEN 'markt' THEN 1 ELSE 2 END, score
