-- Low-zoom tiles of dense collections (see tiles/TileSql.generalised): at zoom 12 and below a
-- feature is drawn as itself when its box is at least a cell wide (1/32 of the tile), otherwise
-- it is counted in the cell of its box's centre. Cells are stored at zoom 17 (a zoom-12 tile's
-- cells) and summed up for lower zooms; the few features that are themselves at some zoom up to
-- 12 are listed in tile_large. Statement triggers keep both in step with every change, adding
-- and subtracting only the rows a statement touched.

-- Web Mercator column and row at zoom 17 of a lon/lat (EPSG:4490 is taken as WGS 84, as the tiles do).
CREATE FUNCTION tile_cell_x(lon double precision) RETURNS integer IMMUTABLE PARALLEL SAFE LANGUAGE sql
RETURN floor((lon + 180) / 360 * 131072)::integer;

CREATE FUNCTION tile_cell_y(lat double precision) RETURNS integer IMMUTABLE PARALLEL SAFE LANGUAGE sql
RETURN floor((1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * 131072)::integer;

-- The lowest zoom at which a geometry's box is a cell wide (Web Mercator stretches north-south
-- sides by 1/cos(latitude)); 99 for a point, which is never.
CREATE FUNCTION tile_min_zoom(g geometry) RETURNS smallint IMMUTABLE PARALLEL SAFE LANGUAGE sql
RETURN (SELECT CASE WHEN side > 0 THEN least(99, greatest(0, ceil(ln(360 / side) / ln(2))::integer - 5)) ELSE 99 END
        FROM (SELECT greatest(ST_XMax(g) - ST_XMin(g),
                              (ST_YMax(g) - ST_YMin(g)) / cos(radians((ST_YMin(g) + ST_YMax(g)) / 2))) AS side) s);

-- Area in m² of a polygon in lon/lat, from its planar area scaled at its latitude (within 0.5 %
-- across a county); 0 for points and lines.
CREATE FUNCTION tile_area_m2(g geometry) RETURNS double precision IMMUTABLE PARALLEL SAFE LANGUAGE sql
RETURN CASE WHEN ST_Dimension(g) = 2
            THEN ST_Area(g) * 111319.49 * 111319.49 * cos(radians((ST_YMin(g) + ST_YMax(g)) / 2)) ELSE 0 END;

CREATE TABLE tile_cell (
    collection text NOT NULL,
    x          integer NOT NULL,
    y          integer NOT NULL,
    class      text NOT NULL,
    features   integer NOT NULL,
    area_m2    double precision NOT NULL,
    PRIMARY KEY (collection, x, y, class)
);

CREATE TABLE tile_large (
    collection text NOT NULL,
    id         bigint NOT NULL,
    min_zoom   smallint NOT NULL,
    x          integer NOT NULL,
    y          integer NOT NULL,
    class      text NOT NULL,
    area_m2    double precision NOT NULL,
    PRIMARY KEY (collection, id)
);
CREATE INDEX tile_large_cell_idx ON tile_large (collection, x, y);

-- The attribute a cell is coloured by (its features' most common value): what the map draws
-- each feature's colour from (tiles/TileLayer.classColumn says the same), else the work status.
CREATE FUNCTION tile_class_column(tbl text) RETURNS text STABLE LANGUAGE sql
RETURN (SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = tbl
          AND column_name = CASE tbl WHEN 'land_parcel' THEN 'category' WHEN 'ditch' THEN 'class'
                                     WHEN 'sluice' THEN 'safety_class' WHEN 'bridge' THEN 'condition' ELSE 'status' END);

-- TG_ARGV[0]: the class column, '' for none.
CREATE FUNCTION generalise_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    class text := CASE WHEN TG_ARGV[0] = '' THEN '''''' ELSE format('COALESCE(r.%I::text, '''')', TG_ARGV[0]) END;
    old_rows_sql text := format('SELECT -1 AS sign, r.id, %s AS class, r.geom FROM old_rows r', class);
    new_rows_sql text := format('SELECT 1 AS sign, r.id, %s AS class, r.geom FROM new_rows r', class);
    changed text := CASE TG_OP WHEN 'INSERT' THEN new_rows_sql WHEN 'DELETE' THEN old_rows_sql
                               ELSE old_rows_sql || ' UNION ALL ' || new_rows_sql END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO tile_cell AS c (collection, x, y, class, features, area_m2)
        SELECT $1, tile_cell_x((ST_XMin(geom) + ST_XMax(geom)) / 2), tile_cell_y((ST_YMin(geom) + ST_YMax(geom)) / 2),
               class, sum(sign), sum(sign * tile_area_m2(geom))
        FROM (%s) f
        WHERE geom IS NOT NULL AND tile_min_zoom(geom) > 12
        GROUP BY 2, 3, 4
        HAVING sum(sign) <> 0
        ON CONFLICT (collection, x, y, class)
        DO UPDATE SET features = c.features + excluded.features, area_m2 = c.area_m2 + excluded.area_m2$sql$, changed)
    USING TG_TABLE_NAME;
    IF TG_OP <> 'INSERT' THEN
        EXECUTE 'DELETE FROM tile_large WHERE collection = $1 AND id IN (SELECT id FROM old_rows)' USING TG_TABLE_NAME;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        EXECUTE format($sql$
            INSERT INTO tile_large (collection, id, min_zoom, x, y, class, area_m2)
            SELECT $1, id, tile_min_zoom(geom), tile_cell_x((ST_XMin(geom) + ST_XMax(geom)) / 2),
                   tile_cell_y((ST_YMin(geom) + ST_YMax(geom)) / 2), class, tile_area_m2(geom)
            FROM (%s) f
            WHERE geom IS NOT NULL AND tile_min_zoom(geom) <= 12$sql$, new_rows_sql)
        USING TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION watch_generalised_tiles(tbl text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    class text := COALESCE(tile_class_column(tbl), '');
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION generalise_tiles(%L)', tbl || '_cells_insert', tbl, class);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION generalise_tiles(%L)', tbl || '_cells_update', tbl, class);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION generalise_tiles(%L)', tbl || '_cells_delete', tbl, class);
    -- The rows already there, as if they had just been inserted.
    EXECUTE format($sql$
        INSERT INTO tile_cell (collection, x, y, class, features, area_m2)
        SELECT %1$L, tile_cell_x((ST_XMin(geom) + ST_XMax(geom)) / 2), tile_cell_y((ST_YMin(geom) + ST_YMax(geom)) / 2),
               %2$s, count(*), sum(tile_area_m2(geom))
        FROM %3$I r WHERE geom IS NOT NULL AND tile_min_zoom(geom) > 12
        GROUP BY 2, 3, 4$sql$,
        tbl, CASE WHEN class = '' THEN '''''' ELSE format('COALESCE(r.%I::text, '''')', class) END, tbl);
    EXECUTE format($sql$
        INSERT INTO tile_large (collection, id, min_zoom, x, y, class, area_m2)
        SELECT %1$L, id, tile_min_zoom(geom), tile_cell_x((ST_XMin(geom) + ST_XMax(geom)) / 2),
               tile_cell_y((ST_YMin(geom) + ST_YMax(geom)) / 2), %2$s, tile_area_m2(geom)
        FROM %3$I r WHERE geom IS NOT NULL AND tile_min_zoom(geom) <= 12$sql$,
        tbl, CASE WHEN class = '' THEN '''''' ELSE format('COALESCE(r.%I::text, '''')', class) END, tbl);
END
$$;

-- A collection added later (an imported layer) is generalised as soon as its tiles are watched.
CREATE OR REPLACE FUNCTION watch_tiles(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_insert', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_update', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION record_tile_change()', tbl || '_tiles_delete', tbl);
    PERFORM watch_generalised_tiles(tbl);
END
$$;

SELECT watch_generalised_tiles(c.relname::text)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE t.tgname = c.relname || '_tiles_insert' AND c.relnamespace = current_schema()::regnamespace;
