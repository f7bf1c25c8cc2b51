-- Read-only: the targets per year the projections are judged against (banen_pipeline/projections.py).
SELECT jaar, doel_markt, doel_overheid, doel_totaal FROM referentie.doelen
