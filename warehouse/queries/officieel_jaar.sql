-- Read-only (banen_pipeline/official.py): the official yearly series per year and segment: UWV's
-- jaarmeting as printed, or, where one of the three figures was not printed, as the other two imply
-- (totaal = overheid + markt), with the derivation written out.
SELECT j.jaar, s.segment, s.waarde, s.herkomst, s.afleiding, j.bron_url
FROM referentie.jaarmeting AS j,
LATERAL (VALUES
    ('overheid',
     coalesce(j.extra_banen_overheid, j.extra_banen_totaal - j.extra_banen_markt),
     CASE WHEN j.extra_banen_overheid IS NOT NULL THEN 'gepubliceerd' ELSE 'afgeleid' END,
     CASE WHEN j.extra_banen_overheid IS NULL
          THEN printf('totaal - markt = %d - %d', j.extra_banen_totaal, j.extra_banen_markt) END),
    ('markt',
     coalesce(j.extra_banen_markt, j.extra_banen_totaal - j.extra_banen_overheid),
     CASE WHEN j.extra_banen_markt IS NOT NULL THEN 'gepubliceerd' ELSE 'afgeleid' END,
     CASE WHEN j.extra_banen_markt IS NULL
          THEN printf('totaal - overheid = %d - %d', j.extra_banen_totaal, j.extra_banen_overheid) END),
    ('totaal',
     coalesce(j.extra_banen_totaal, j.extra_banen_overheid + j.extra_banen_markt),
     CASE WHEN j.extra_banen_totaal IS NOT NULL THEN 'gepubliceerd' ELSE 'afgeleid' END,
     CASE WHEN j.extra_banen_totaal IS NULL
          THEN printf('overheid + markt = %d + %d', j.extra_banen_overheid, j.extra_banen_markt) END)
) AS s(segment, waarde, herkomst, afleiding)
WHERE s.waarde IS NOT NULL
ORDER BY j.jaar, s.segment
