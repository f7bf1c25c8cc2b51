-- Frame for suite marts_officiele_meting: printed values as printed, derivations named, totaal the
-- sum of its parts, nowcasts with their interval.
SELECT o.*,
       CASE o.segment WHEN 'overheid' THEN j.extra_banen_overheid WHEN 'markt' THEN j.extra_banen_markt
                      ELSE j.extra_banen_totaal END AS gedrukt,
       CASE WHEN o.herkomst = 'gepubliceerd' AND o.kwartaal IS NULL THEN o.waarde - gedrukt END AS verschil_gedrukt,
       CASE o.herkomst
           WHEN 'afgeleid' THEN o.afleiding IS NOT NULL AND o.bron_url IS NOT NULL
           WHEN 'gepubliceerd' THEN o.afleiding IS NULL AND o.bron_url IS NOT NULL
           ELSE o.afleiding IS NOT NULL
       END AS herkomst_verantwoord,
       CASE WHEN o.segment = 'totaal'
            THEN o.waarde - sum(o.waarde) FILTER (WHERE o.segment <> 'totaal') OVER (PARTITION BY o.periode) END
           AS verschil_totaal,
       CASE WHEN o.herkomst <> 'nowcast' THEN o.ondergrens_80 IS NULL AND o.bovengrens_80 IS NULL
            WHEN o.band = 'te_weinig' THEN o.ondergrens_80 IS NULL
            ELSE o.ondergrens_80 <= o.waarde AND o.waarde <= o.bovengrens_80
       END AS interval_klopt
FROM marts.officiele_meting AS o
LEFT JOIN referentie.jaarmeting AS j ON o.kwartaal IS NULL AND j.jaar = o.jaar
ORDER BY o.peildatum, o.segment
