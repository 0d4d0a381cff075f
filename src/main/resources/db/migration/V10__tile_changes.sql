-- Where each statement changed a collection's features, so that every Hetu instance drops the
-- vector tiles it keeps in memory for that area (see tiles/TileChanges). One row per statement,
-- not per row, holding the extent of the rows before and after the change; the transaction id
-- lets a reader also find changes whose transaction began early and committed late.
CREATE TABLE tile_change (
    id         bigserial PRIMARY KEY,
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    collection text NOT NULL,
    west       double precision NOT NULL,
    south      double precision NOT NULL,
    east       double precision NOT NULL,
    north      double precision NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tile_change_xid_idx ON tile_change (xid);

CREATE FUNCTION record_tile_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed box2d;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(geom) INTO changed FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(geom) INTO changed FROM old_rows;
    ELSE
        SELECT ST_Extent(geom) INTO changed FROM (SELECT geom FROM old_rows UNION ALL SELECT geom FROM new_rows) g;
    END IF;
    IF changed IS NOT NULL THEN
        INSERT INTO tile_change (collection, west, south, east, north)
        VALUES (TG_TABLE_NAME, ST_XMin(changed), ST_YMin(changed), ST_XMax(changed), ST_YMax(changed));
    END IF;
    RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on triggers for a single event: hence three.
CREATE FUNCTION watch_tiles(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_insert', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_update', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_delete', tbl);
END
$$;

-- A collection added later (an imported layer) gets its tile triggers with its audit triggers.
CREATE OR REPLACE FUNCTION track_changes(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_change()',
                   tbl || '_stamp', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_change()',
                   tbl || '_audit', tbl);
    PERFORM watch_tiles(tbl);
END
$$;

SELECT watch_tiles(id) FROM collection WHERE kind = 'asset';
