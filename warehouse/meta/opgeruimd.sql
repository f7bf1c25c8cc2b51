-- Tables earlier versions of the warehouse kept and this one no longer uses: dropped where found.
-- meta.berekeningen held a digest of the projections' inputs; what a run rebuilds is now decided by
-- one declaration of every asset's inputs (banen_pipeline/lineage.py).
DROP TABLE IF EXISTS meta.berekeningen;
