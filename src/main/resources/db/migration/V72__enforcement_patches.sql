-- Satellite enforcement patches (卫片执法图斑): monthly batches of changes seen on satellite images, judged
-- legal / illegal / other, and the illegal ones carried through the river issues' rectification workflow
-- (issue_transition_allowed, the one definition of its states and moves). Position and county extent are
-- checked by the import and edit paths like any collection's.
SELECT create_asset_table('enforcement_patch', 'MultiPolygon');
ALTER TABLE enforcement_patch
    ADD COLUMN patch_no      text NOT NULL UNIQUE,
    ADD COLUMN batch         text NOT NULL CHECK (batch ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    ADD COLUMN detected_on   date NOT NULL,
    ADD COLUMN change_type   text NOT NULL CHECK (length(trim(change_type)) > 0),
    ADD COLUMN area_m2       double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    ADD COLUMN image_before  text,
    ADD COLUMN image_after   text,
    ADD COLUMN farmland_m2   double precision NOT NULL DEFAULT 0,
    ADD COLUMN judgement     text CHECK (judgement IN ('legal', 'illegal', 'other')),
    ADD COLUMN justification text,
    ADD COLUMN rectification text NOT NULL DEFAULT 'reported'
                                 CHECK (rectification IN ('reported', 'assigned', 'rectifying', 'rectified', 'closed')),
    ADD COLUMN assigned_town text,
    ADD COLUMN deadline      date,
    ADD COLUMN closed_at     timestamptz,
    ADD CHECK (judgement IS NULL OR length(trim(justification)) > 0),
    ADD CHECK ((rectification = 'closed') = (closed_at IS NOT NULL));
CREATE INDEX enforcement_patch_batch_idx ON enforcement_patch (batch);
CREATE INDEX enforcement_patch_search_idx ON enforcement_patch USING gin (name gin_trgm_ops, code gin_trgm_ops);
SELECT track_changes('enforcement_patch');

-- Patches overlapping permanent basic farmland (its current edition) are flagged on every write of the shape.
CREATE FUNCTION flag_patch_farmland() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.farmland_m2 := COALESCE((SELECT sum(ST_Area(ST_CollectionExtract(ST_Intersection(f.geom, NEW.geom), 3)::geography))
                                 FROM basic_farmland f WHERE ST_Intersects(f.geom, NEW.geom)), 0);
    RETURN NEW;
END
$$;
CREATE TRIGGER enforcement_patch_farmland BEFORE INSERT OR UPDATE OF geom ON enforcement_patch
    FOR EACH ROW EXECUTE FUNCTION flag_patch_farmland();

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        sort_order, owner_department, planners_edit) VALUES
    ('enforcement_patch', '卫片执法图斑', 'Satellite enforcement patches', '卫片执法监测图斑及整改情况',
     'Changes seen on satellite images and their rectification', 'natural_resources', 'MultiPolygon', 'detected_on', 180,
     'natres', false);

CREATE TABLE patch_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patch_id    bigint NOT NULL REFERENCES enforcement_patch (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('judged', 'transition')),
    from_status text,
    to_status   text,
    note        text,
    by_user     text NOT NULL DEFAULT acting_user(),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patch_event_patch_idx ON patch_event (patch_id, id);
