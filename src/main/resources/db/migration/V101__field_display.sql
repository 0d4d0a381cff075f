-- How a field is shown and edited where its SQL type does not say enough: a length in metres shown as m or km, a
-- year, money in 万元, a percentage; and fields the registry keeps itself although the table lets them be written.
-- With the table's columns and constraints and the words of field_label / enum_label, this is the one description of
-- a collection that GET /ogc/collections/{id}/schema serves and the map's forms, filters and details follow.
-- A field without a row here is shown by its type: text, int, decimal, bool, date, datetime, json, or enum when
-- its values are coded, department for the department column.

CREATE TABLE field_display (
    collection text NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    field      text NOT NULL CHECK (field ~ '^[a-z][a-z0-9_]*$'),
    kind       text CHECK (kind IN ('text', 'enum', 'department', 'bool', 'int', 'year', 'date', 'datetime', 'decimal',
                                    'length', 'area', 'metres', 'millimetres', 'capacity', 'money10k', 'percent',
                                    'count', 'target', 'json')),
    -- Written by the registry's own actions (a progress report, a project's lifecycle), never by a form.
    read_only  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (collection, field),
    CHECK (kind IS NOT NULL OR read_only)
);

-- Lengths and areas the database measures from the geometry, wherever a collection has them.
INSERT INTO field_display (collection, field, kind)
SELECT c.table_name, c.column_name, CASE c.column_name WHEN 'length_m' THEN 'length' ELSE 'area' END
FROM information_schema.columns c JOIN collection k ON k.id = c.table_name
WHERE c.table_schema = current_schema() AND c.column_name IN ('length_m', 'area_m2');

INSERT INTO field_display (collection, field, kind, read_only) VALUES
    ('ditch', 'treated_year', 'year', false),
    ('ditch', 'planned_year', 'year', false),
    ('sluice', 'gate_count', 'count', false),
    ('bridge', 'span_m', 'metres', false),
    ('bridge', 'rebuild_year', 'year', false),
    ('water_plant', 'capacity_m3_d', 'capacity', false),
    ('pipeline', 'diameter_mm', 'millimetres', false),
    ('project', 'status', NULL, true),
    ('project', 'year', 'year', false),
    ('project', 'progress_pct', 'percent', false),
    ('project', 'progress_reported_by', NULL, true),
    ('project', 'progress_reported_at', NULL, true),
    ('project', 'investment_planned', 'money10k', false),
    ('project', 'investment_done', 'money10k', false),
    ('project', 'target_value', 'target', false),
    ('investment_project', 'amount_wan', 'money10k', false),
    ('investment_project', 'land_area_min_m2', 'area', false),
    ('investment_project', 'land_area_max_m2', 'area', false),
    ('investment_project', 'stage_changed_at', NULL, true);

-- How a collection added as data is drawn (its marker shape or line) where symbology/symbology.json has nothing for it.
ALTER TABLE collection ADD COLUMN symbol jsonb CHECK (symbol IS NULL OR (jsonb_typeof(symbol) = 'object'
    AND (symbol ->> 'marker' IS NULL OR symbol ->> 'marker' IN ('circle', 'square', 'diamond', 'triangle', 'drop',
                                                                'hexagon', 'star', 'pentagon'))
    AND (symbol -> 'line' IS NULL OR jsonb_typeof(symbol -> 'line' -> 'weight') = 'number')));
