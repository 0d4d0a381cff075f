-- Planning control lines of the natural resources bureau (三区三线 and cultivated land): permanent basic
-- farmland, the ecological protection red line, the urban development boundary, cultivated land. Each is
-- an asset collection like any other (imported, edited, tiled, served), owned by the bureau: every
-- signed-in department reads it, only the bureau's editors and administrators change it (catalog/LayerAccess).
SELECT create_asset_table('basic_farmland', 'MultiPolygon');
ALTER TABLE basic_farmland
    ADD COLUMN area_m2       double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    ADD COLUMN land_class    text,
    ADD COLUMN village       text,
    ADD COLUMN quality_grade smallint CHECK (quality_grade BETWEEN 1 AND 15);

SELECT create_asset_table('cultivated_land', 'MultiPolygon');
ALTER TABLE cultivated_land
    ADD COLUMN area_m2    double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    ADD COLUMN land_class text,
    ADD COLUMN village    text;

SELECT create_asset_table('ecological_redline', 'MultiPolygon');
ALTER TABLE ecological_redline
    ADD COLUMN area_m2      double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    ADD COLUMN redline_type text;

SELECT create_asset_table('urban_boundary', 'MultiPolygon');
ALTER TABLE urban_boundary
    ADD COLUMN area_m2   double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    ADD COLUMN zone_type text;

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, sort_order,
                        owner_department, planners_edit) VALUES
    ('basic_farmland',     '永久基本农田', 'Permanent basic farmland', '三区三线划定的永久基本农田保护图斑',
     'Permanent basic farmland patches of the three zones and three lines', 'natural_resources', 'MultiPolygon', 140, 'natres', false),
    ('ecological_redline', '生态保护红线', 'Ecological protection red line', '三区三线划定的生态保护红线',
     'Ecological protection red line of the three zones and three lines', 'natural_resources', 'MultiPolygon', 150, 'natres', false),
    ('urban_boundary',     '城镇开发边界', 'Urban development boundary', '三区三线划定的城镇开发边界',
     'Urban development boundary of the three zones and three lines', 'natural_resources', 'MultiPolygon', 160, 'natres', false),
    ('cultivated_land',    '耕地', 'Cultivated land', '耕地图斑（国土变更调查）',
     'Cultivated land patches (annual land survey)', 'natural_resources', 'MultiPolygon', 170, 'natres', false);

DO $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY ARRAY['basic_farmland', 'ecological_redline', 'urban_boundary', 'cultivated_land'] LOOP
        EXECUTE format('CREATE INDEX %I ON %I USING gin (name gin_trgm_ops, code gin_trgm_ops)', c || '_search_idx', c);
        PERFORM track_changes(c);
    END LOOP;
END
$$;

-- Editions: a control line is replaced as a whole by a new edition (a new survey, an approved adjustment).
-- The layer's table holds the current edition; opening the next one moves every feature of the current
-- edition into control_archive and closes it the day before the new one starts. An edition is valid on
-- the days [valid_from, valid_to); the current one has no valid_to.
CREATE TABLE control_edition (
    layer      text NOT NULL REFERENCES collection (id),
    edition    text NOT NULL CHECK (length(trim(edition)) > 0),
    valid_from date NOT NULL,
    valid_to   date CHECK (valid_to > valid_from),
    opened_at  timestamptz NOT NULL DEFAULT now(),
    opened_by  text NOT NULL DEFAULT acting_user(),
    PRIMARY KEY (layer, edition)
);
CREATE UNIQUE INDEX control_edition_current_idx ON control_edition (layer) WHERE valid_to IS NULL;

INSERT INTO control_edition (layer, edition, valid_from, opened_by)
SELECT id, '2022', DATE '2022-10-01', 'system' FROM collection
WHERE id IN ('basic_farmland', 'ecological_redline', 'urban_boundary', 'cultivated_land');

CREATE TABLE control_archive (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    layer      text NOT NULL,
    edition    text NOT NULL,
    feature_id bigint NOT NULL,
    code       text NOT NULL,
    name       text NOT NULL,
    town       text,
    geom       geometry(MultiPolygon, 4490) NOT NULL,
    properties jsonb NOT NULL,
    FOREIGN KEY (layer, edition) REFERENCES control_edition (layer, edition)
);
CREATE INDEX control_archive_geom_idx ON control_archive USING gist (geom);
CREATE INDEX control_archive_edition_idx ON control_archive (layer, edition);
