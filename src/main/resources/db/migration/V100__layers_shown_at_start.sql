-- Whether the map draws a collection when it opens. The control lines (farmland over most of the countryside,
-- red lines, development boundaries) and the enforcement patches lie under everything else and would take the
-- clicks meant for parcels and ditches: they are there in the layer panel, switched off until asked for.
ALTER TABLE collection ADD COLUMN shown_at_start boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN collection.shown_at_start IS 'whether the map draws the collection when it opens';
UPDATE collection SET shown_at_start = false
WHERE id IN ('basic_farmland', 'ecological_redline', 'urban_boundary', 'cultivated_land', 'enforcement_patch');
