-- Imports of users' files: GDAL loads each file into its own staging table, checked there and
-- merged into a collection in one transaction. Collections made by an import get the theme 'imported'.

CREATE SCHEMA import_staging;

ALTER TABLE collection DROP CONSTRAINT collection_theme_check;
ALTER TABLE collection ADD CONSTRAINT collection_theme_check
    CHECK (theme IN ('water', 'natural_resources', 'transport', 'project', 'imported'));

CREATE TABLE import_job (
    id          uuid PRIMARY KEY,
    username    text NOT NULL,
    file_name   text NOT NULL,
    target      text,
    new_layer   jsonb,
    state       text NOT NULL CHECK (state IN ('loading', 'ready', 'committing', 'committed', 'failed', 'cancelled')),
    source      jsonb NOT NULL DEFAULT '{}'::jsonb,
    report      jsonb,
    result      jsonb,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((target IS NULL) <> (new_layer IS NULL))
);
CREATE INDEX import_job_username_idx ON import_job (username, created_at DESC);

-- Whether a value from a file can be stored in a column of the given type; bad values are
-- reported before anything is written.
CREATE FUNCTION import_castable(value text, type_name text) RETURNS boolean STABLE LANGUAGE plpgsql AS $$
BEGIN
    IF value IS NULL OR btrim(value) = '' THEN
        RETURN true;
    END IF;
    IF type_name = 'boolean' THEN
        RETURN import_boolean(value) IS NOT NULL;
    END IF;
    IF type_name IN ('smallint', 'integer', 'bigint') THEN
        EXECUTE format('SELECT round(%L::numeric)::%s', btrim(value), type_name);
    ELSE
        EXECUTE format('SELECT %L::%s', btrim(value), type_name);
    END IF;
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END
$$;

-- Yes/no as county spreadsheets write it.
CREATE FUNCTION import_boolean(value text) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE lower(btrim(value))
        WHEN 'true' THEN true WHEN 't' THEN true WHEN 'yes' THEN true WHEN 'y' THEN true WHEN '1' THEN true
        WHEN '是' THEN true WHEN '已' THEN true WHEN '已治理' THEN true
        WHEN 'false' THEN false WHEN 'f' THEN false WHEN 'no' THEN false WHEN 'n' THEN false WHEN '0' THEN false
        WHEN '否' THEN false WHEN '未' THEN false WHEN '未治理' THEN false
    END
$$;

-- A geometry from a file as the target column takes it (2D, the collection's type, one part
-- where the type has one part), optionally repaired; NULL when it cannot be made to fit.
CREATE FUNCTION import_geometry(g geometry, target_type text, repair boolean) RETURNS geometry IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
    shape geometry := ST_Force2D(g);
    parts geometry;
BEGIN
    IF shape IS NULL OR ST_IsEmpty(shape) THEN
        RETURN NULL;
    END IF;
    IF NOT ST_IsValid(shape) THEN
        IF NOT repair THEN
            RETURN NULL;
        END IF;
        shape := ST_MakeValid(shape);
    END IF;
    IF target_type = 'MultiPolygon' THEN
        parts := ST_CollectionExtract(shape, 3);
        shape := CASE WHEN ST_IsEmpty(parts) THEN NULL ELSE ST_Multi(parts) END;
    ELSIF target_type = 'LineString' THEN
        parts := ST_CollectionExtract(shape, 2);
        shape := CASE WHEN ST_NumGeometries(parts) = 1 THEN ST_GeometryN(parts, 1) ELSE ST_LineMerge(parts) END;
        IF GeometryType(shape) <> 'LINESTRING' OR NOT ST_IsSimple(shape) THEN
            RETURN NULL;
        END IF;
    ELSIF target_type = 'Point' THEN
        parts := ST_CollectionExtract(shape, 1);
        shape := CASE WHEN ST_NumGeometries(parts) = 1 THEN ST_GeometryN(parts, 1) END;
    END IF;
    IF shape IS NULL OR ST_IsEmpty(shape) OR NOT ST_IsValid(shape) THEN
        RETURN NULL;
    END IF;
    RETURN shape;
END
$$;
