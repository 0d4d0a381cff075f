-- The county Hetu serves, as data: name, boundary, the box features may lie in, time zone, the CGCS2000
-- 3-degree Gauss-Krüger zones its survey data uses, the default map view, and its towns with their villages.
-- Loaded at first start from the profile file (hetu.county.profile-file), then edited by an administrator.

CREATE TABLE county (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    code       text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    name_zh    text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en    text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    time_zone  text NOT NULL,
    gk_zones   integer[] NOT NULL CHECK (cardinality(gk_zones) BETWEEN 1 AND 3 AND 25 <= ALL (gk_zones) AND 45 >= ALL (gk_zones)),
    boundary   geometry(MultiPolygon, 4490) NOT NULL CHECK (ST_IsValid(boundary)),
    -- Features outside this box point to swapped axes or a wrong CRS: the boundary's box with a margin.
    extent     geometry(Polygon, 4490) NOT NULL CHECK (ST_Contains(extent, boundary)),
    view_lon   double precision NOT NULL CHECK (view_lon BETWEEN -180 AND 180),
    view_lat   double precision NOT NULL CHECK (view_lat BETWEEN -90 AND 90),
    view_zoom  integer NOT NULL CHECK (view_zoom BETWEEN 3 AND 18),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);

CREATE TABLE county_town (
    name_zh  text PRIMARY KEY CHECK (length(name_zh) BETWEEN 1 AND 100),
    name_en  text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    kind     text NOT NULL CHECK (kind IN ('county_seat', 'town', 'township', 'subdistrict')),
    seat     geometry(Point, 4490) NOT NULL,
    villages text[] NOT NULL DEFAULT '{}',
    position integer NOT NULL
);

-- The county's time zone for SQL that speaks of the county's days and months ("AT TIME ZONE county_time_zone()").
CREATE FUNCTION county_time_zone() RETURNS text STABLE PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT time_zone FROM county $$;
