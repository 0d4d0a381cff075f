-- Substring search by name or code over every collection (the map's search box).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO $$
DECLARE
    c text;
BEGIN
    FOR c IN SELECT id FROM collection LOOP
        EXECUTE format('CREATE INDEX %I ON %I USING gin (name gin_trgm_ops, code gin_trgm_ops)', c || '_search_idx', c);
    END LOOP;
END
$$;

CREATE INDEX land_parcel_approved_on_idx ON land_parcel (approved_on);
