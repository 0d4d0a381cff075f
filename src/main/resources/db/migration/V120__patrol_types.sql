-- Patrol and inspection types as data (巡查类型). River patrol (河长巡河) was the only kind of field work; straw-burning
-- patrol (秸秆禁烧), water-works hazard inspection (水利工程隐患排查) and warning-station maintenance (预警站点维护) share
-- its track recording, issue report, upload queue, workflow and bulletin. A type is one row: what it applies to, the
-- checklist per asset collection, its issue categories, its seasons and its frequency rules per level (and season).
-- The JSON columns hold exactly what GET /api/v1/patrol-types answers; the application checks them on every write.
CREATE TABLE patrol_type (
    id               text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{1,39}$'),
    name_zh          text NOT NULL CHECK (length(trim(name_zh)) BETWEEN 1 AND 50),
    name_en          text NOT NULL CHECK (length(trim(name_en)) BETWEEN 1 AND 80),
    applies_kind     text NOT NULL CHECK (applies_kind IN ('segments', 'grids', 'assets')),
    applies_to       text[] NOT NULL CHECK (cardinality(applies_to) > 0),
    issue_categories jsonb NOT NULL CHECK (jsonb_typeof(issue_categories) = 'array'),
    checklists       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(checklists) = 'object'),
    seasons          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(seasons) = 'array'),
    frequency        jsonb NOT NULL CHECK (jsonb_typeof(frequency) = 'array'),
    -- days from an inspection to the deadline of the issue a failed checklist item becomes
    rectify_days     integer NOT NULL DEFAULT 30 CHECK (rectify_days BETWEEN 1 AND 365),
    built_in         boolean NOT NULL DEFAULT false,
    sort_order       integer NOT NULL DEFAULT 100,
    version          integer NOT NULL DEFAULT 0
);

INSERT INTO patrol_type (id, name_zh, name_en, applies_kind, applies_to, issue_categories, checklists, seasons, frequency,
                         built_in, sort_order) VALUES
('river', '河长巡河', 'River patrol', 'segments', ARRAY['river_segment', 'ditch'],
 '[{"id": "occupation", "name": {"zh": "乱占", "en": "Illegal occupation"}},
   {"id": "mining", "name": {"zh": "乱采", "en": "Illegal mining"}},
   {"id": "dumping", "name": {"zh": "乱堆", "en": "Illegal dumping"}},
   {"id": "building", "name": {"zh": "乱建", "en": "Illegal building"}},
   {"id": "pollution", "name": {"zh": "水体污染", "en": "Water pollution"}},
   {"id": "other", "name": {"zh": "其他", "en": "Other"}}]',
 '{}', '[]',
 '[{"level": "county", "period": "month", "minCount": 1, "season": null},
   {"level": "town", "period": "xun", "minCount": 1, "season": null},
   {"level": "village", "period": "week", "minCount": 1, "season": null}]',
 true, 10),
('straw_burning', '秸秆禁烧巡查', 'Straw-burning patrol', 'grids', ARRAY['patrol_grid'],
 '[{"id": "fire_spot", "name": {"zh": "火点", "en": "Fire spot"}},
   {"id": "burnt_patch", "name": {"zh": "过火面积", "en": "Burnt patch"}},
   {"id": "stacked_straw", "name": {"zh": "秸秆乱堆", "en": "Stacked straw"}},
   {"id": "other", "name": {"zh": "其他", "en": "Other"}}]',
 '{}',
 '[{"id": "summer_harvest", "name": {"zh": "夏收", "en": "Summer harvest"}, "from": "05-25", "to": "06-25"},
   {"id": "autumn_harvest", "name": {"zh": "秋收", "en": "Autumn harvest"}, "from": "09-20", "to": "11-10"}]',
 '[{"level": "town", "period": "week", "minCount": 1, "season": null},
   {"level": "village", "period": "week", "minCount": 2, "season": null},
   {"level": "town", "period": "week", "minCount": 3, "season": "summer_harvest"},
   {"level": "village", "period": "day", "minCount": 1, "season": "summer_harvest"},
   {"level": "town", "period": "week", "minCount": 3, "season": "autumn_harvest"},
   {"level": "village", "period": "day", "minCount": 1, "season": "autumn_harvest"}]',
 true, 20),
('works_inspection', '水利工程隐患排查', 'Water-works inspection', 'assets', ARRAY['sluice', 'dike', 'pipeline'],
 '[{"id": "gate_hoist", "name": {"zh": "闸门启闭机故障", "en": "Gate hoist fault"}},
   {"id": "seepage", "name": {"zh": "渗漏", "en": "Seepage"}},
   {"id": "cracks", "name": {"zh": "裂缝", "en": "Cracks"}},
   {"id": "slope_damage", "name": {"zh": "坡面损坏", "en": "Slope damage"}},
   {"id": "leak", "name": {"zh": "管道漏水", "en": "Pipe leak"}},
   {"id": "other", "name": {"zh": "其他", "en": "Other"}}]',
 '{"sluice": [{"id": "gate_hoist", "name": {"zh": "闸门及启闭机", "en": "Gate and hoist"}},
              {"id": "seepage", "name": {"zh": "闸身渗漏", "en": "Seepage"}},
              {"id": "cracks", "name": {"zh": "混凝土裂缝", "en": "Concrete cracks"}}],
   "dike": [{"id": "seepage", "name": {"zh": "渗水管涌", "en": "Seepage and piping"}},
            {"id": "cracks", "name": {"zh": "堤身裂缝", "en": "Cracks in the dike"}},
            {"id": "slope_damage", "name": {"zh": "坡面冲刷塌陷", "en": "Slope scour and collapse"}}],
   "pipeline": [{"id": "leak", "name": {"zh": "管道及阀门渗漏", "en": "Pipe and valve leaks"}},
                {"id": "cracks", "name": {"zh": "管件破损", "en": "Broken fittings"}}]}',
 '[{"id": "flood", "name": {"zh": "汛期", "en": "Flood season"}, "from": "06-01", "to": "09-30"}]',
 '[{"level": "county", "period": "month", "minCount": 1, "season": null},
   {"level": "town", "period": "month", "minCount": 2, "season": null},
   {"level": "village", "period": "month", "minCount": 2, "season": null},
   {"level": "county", "period": "month", "minCount": 2, "season": "flood"},
   {"level": "town", "period": "week", "minCount": 1, "season": "flood"},
   {"level": "village", "period": "week", "minCount": 2, "season": "flood"}]',
 true, 30),
('warning_station', '预警站点维护', 'Warning-station maintenance', 'assets', ARRAY['warning_station'],
 '[{"id": "power", "name": {"zh": "供电故障", "en": "Power failure"}},
   {"id": "communication", "name": {"zh": "通信中断", "en": "Communication lost"}},
   {"id": "sensor", "name": {"zh": "传感器异常", "en": "Sensor fault"}},
   {"id": "other", "name": {"zh": "其他", "en": "Other"}}]',
 '{"warning_station": [{"id": "power", "name": {"zh": "供电（太阳能板、蓄电池）", "en": "Power (solar panel, battery)"}},
                       {"id": "communication", "name": {"zh": "通信（信号、数据上报）", "en": "Communication (signal, data upload)"}},
                       {"id": "sensor", "name": {"zh": "传感器及设备", "en": "Sensors and equipment"}}]}',
 '[{"id": "flood", "name": {"zh": "汛期", "en": "Flood season"}, "from": "06-01", "to": "09-30"}]',
 '[{"level": "county", "period": "month", "minCount": 1, "season": null},
   {"level": "town", "period": "month", "minCount": 1, "season": null},
   {"level": "village", "period": "month", "minCount": 1, "season": null},
   {"level": "town", "period": "xun", "minCount": 1, "season": "flood"},
   {"level": "village", "period": "xun", "minCount": 1, "season": "flood"}]',
 true, 40);

UPDATE patrol_type SET rectify_days = CASE id WHEN 'works_inspection' THEN 15 WHEN 'warning_station' THEN 7 END
WHERE id IN ('works_inspection', 'warning_station');

-- The river's rules now live in its type; the demo loader and older reports read them under the old name.
DROP TABLE patrol_rule;
CREATE VIEW patrol_rule AS
SELECT f ->> 'level' AS level, f ->> 'period' AS period, (f ->> 'minCount')::integer AS min_count
FROM patrol_type t, jsonb_array_elements(t.frequency) f
WHERE t.id = 'river' AND f -> 'season' = 'null'::jsonb;

-- Who does what. The people of every type of field work are kept in river_chief (the county's register of field
-- staff: 河长, 网格员, 巡查员, with their level, town and account). A river chief's segments stay in
-- chief_assignment; the grids and assets of the other types are their duties here.
CREATE TABLE patrol_duty (
    chief_id    bigint NOT NULL REFERENCES river_chief (id) ON DELETE CASCADE,
    patrol_type text NOT NULL REFERENCES patrol_type (id) ON UPDATE CASCADE,
    collection  text NOT NULL REFERENCES collection (id),
    asset_id    bigint NOT NULL,
    PRIMARY KEY (chief_id, patrol_type, collection, asset_id)
);
CREATE INDEX patrol_duty_asset_idx ON patrol_duty (collection, asset_id);

-- Patrols and issues carry their type. A track that jumps faster than anyone walks or drives on a patrol, or
-- leaves the county, is kept but flagged.
ALTER TABLE patrol
    ADD COLUMN patrol_type    text NOT NULL DEFAULT 'river' REFERENCES patrol_type (id) ON UPDATE CASCADE,
    ADD COLUMN speed_jump     boolean NOT NULL DEFAULT false,
    ADD COLUMN outside_county boolean NOT NULL DEFAULT false;
CREATE INDEX patrol_type_idx ON patrol (patrol_type, started_at);
ALTER TABLE patrol_issue
    ADD COLUMN patrol_type text NOT NULL DEFAULT 'river' REFERENCES patrol_type (id) ON UPDATE CASCADE,
    ADD COLUMN asset_collection text REFERENCES collection (id),
    ADD COLUMN asset_id bigint,
    -- the town of the grid or asset it was tied to when reported (a river issue's town is its segment's)
    ADD COLUMN town text,
    ADD CHECK ((asset_collection IS NULL) = (asset_id IS NULL));
-- Categories are the type's, checked by the application against its row.
ALTER TABLE patrol_issue DROP CONSTRAINT patrol_issue_category_check;
ALTER TABLE patrol_issue ADD CHECK (category ~ '^[a-z][a-z0-9_]*$');
CREATE INDEX patrol_issue_type_idx ON patrol_issue (patrol_type, reported_at);
CREATE INDEX patrol_issue_asset_idx ON patrol_issue (asset_collection, asset_id);

-- An inspection of an asset on a patrol: each checklist item passed or failed, and for a warning station the
-- status it was found in (its last-seen status is that of its latest visit).
CREATE TABLE inspection (
    patrol_id      uuid NOT NULL REFERENCES patrol (id) ON DELETE CASCADE,
    collection     text NOT NULL REFERENCES collection (id),
    asset_id       bigint NOT NULL,
    inspected_at   timestamptz NOT NULL,
    station_status text CHECK (station_status IN ('online', 'offline', 'damaged')),
    results        jsonb NOT NULL CHECK (jsonb_typeof(results) = 'array'),
    PRIMARY KEY (patrol_id, collection, asset_id)
);
CREATE INDEX inspection_asset_idx ON inspection (collection, asset_id, inspected_at);

-- Straw-burning grids (禁烧网格): one area per village with its responsible person and patrol frequency.
SELECT create_asset_table('patrol_grid', 'MultiPolygon');
ALTER TABLE patrol_grid ALTER COLUMN department SET DEFAULT 'water';
ALTER TABLE patrol_grid
    ADD COLUMN village            text,
    ADD COLUMN responsible_person text,
    ADD COLUMN responsible_phone  text,
    ADD COLUMN frequency          text NOT NULL DEFAULT 'week' CHECK (frequency IN ('day', 'week', 'xun', 'month')),
    ADD COLUMN area_m2            double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED;
SELECT track_changes('patrol_grid');

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        temporal_end, sort_order, owner_department) VALUES
    ('patrol_grid', '禁烧网格', 'Straw-burning grids', '秸秆禁烧网格：乡镇、村，责任人及巡查频次',
     'Straw-burning patrol grids per town and village, with the person responsible and patrol frequency',
     'natural_resources', 'MultiPolygon', NULL, NULL, 125, 'water');
INSERT INTO enum_label (enumeration, code, label_zh, label_en, position) VALUES
    ('patrol_frequency', 'day', '每日', 'Daily', 1), ('patrol_frequency', 'week', '每周', 'Weekly', 2),
    ('patrol_frequency', 'xun', '每旬', 'Every ten days', 3), ('patrol_frequency', 'month', '每月', 'Monthly', 4),
    ('patrol_type', 'river', '河长巡河', 'River patrol', 1), ('patrol_type', 'straw_burning', '秸秆禁烧巡查', 'Straw-burning patrol', 2),
    ('patrol_type', 'works_inspection', '水利工程隐患排查', 'Water-works inspection', 3),
    ('patrol_type', 'warning_station', '预警站点维护', 'Warning-station maintenance', 4),
    ('issue_category', 'fire_spot', '火点', 'Fire spot', 11), ('issue_category', 'burnt_patch', '过火面积', 'Burnt patch', 12),
    ('issue_category', 'stacked_straw', '秸秆乱堆', 'Stacked straw', 13), ('issue_category', 'gate_hoist', '闸门启闭机故障', 'Gate hoist fault', 21),
    ('issue_category', 'seepage', '渗漏', 'Seepage', 22), ('issue_category', 'cracks', '裂缝', 'Cracks', 23),
    ('issue_category', 'slope_damage', '坡面损坏', 'Slope damage', 24), ('issue_category', 'leak', '管道漏水', 'Pipe leak', 25),
    ('issue_category', 'power', '供电故障', 'Power failure', 31), ('issue_category', 'communication', '通信中断', 'Communication lost', 32),
    ('issue_category', 'sensor', '传感器异常', 'Sensor fault', 33);
INSERT INTO field_label (collection, field, title_zh, title_en, unit_zh, unit_en, enumeration) VALUES
    ('patrol_grid', 'village', '村', 'Village', NULL, NULL, NULL),
    ('patrol_grid', 'responsible_person', '网格责任人', 'Person responsible', NULL, NULL, NULL),
    ('patrol_grid', 'responsible_phone', '联系电话', 'Phone', NULL, NULL, NULL),
    ('patrol_grid', 'frequency', '巡查频次', 'Patrol frequency', NULL, NULL, 'patrol_frequency'),
    ('patrol_grid', 'area_m2', '面积', 'Area', '平方米', 'm²', NULL),
    ('patrol', 'patrol_type', '巡查类型', 'Patrol type', NULL, NULL, 'patrol_type'),
    ('patrol', 'speed_jump', '轨迹速度异常', 'Impossible speed in track', NULL, NULL, NULL),
    ('patrol', 'outside_county', '轨迹出县界', 'Track leaves the county', NULL, NULL, NULL),
    ('patrol_issue', 'patrol_type', '巡查类型', 'Patrol type', NULL, NULL, 'patrol_type'),
    ('patrol_issue', 'asset_collection', '所属设施图层', 'Asset layer', NULL, NULL, NULL),
    ('patrol_issue', 'asset_id', '所属设施', 'Asset', NULL, NULL, NULL);

-- The name, town and shape of a feature of any asset collection of the catalogue (NULL for anything else): patrols
-- cover, and issues and inspections concern, grids and assets of whatever collections a type applies to.
CREATE FUNCTION asset_fact(tbl text, asset bigint, fact text) RETURNS text STABLE LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    IF tbl IS NULL OR asset IS NULL OR fact NOT IN ('name', 'town')
       OR NOT EXISTS (SELECT 1 FROM collection WHERE id = tbl AND kind = 'asset') THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT %I FROM %I WHERE id = $1', fact, tbl) INTO result USING asset;
    RETURN result;
END
$$;
CREATE FUNCTION asset_name(tbl text, asset bigint) RETURNS text STABLE LANGUAGE sql AS $$ SELECT asset_fact(tbl, asset, 'name') $$;
CREATE FUNCTION asset_town(tbl text, asset bigint) RETURNS text STABLE LANGUAGE sql AS $$ SELECT asset_fact(tbl, asset, 'town') $$;
CREATE FUNCTION asset_geom(tbl text, asset bigint) RETURNS geometry STABLE LANGUAGE plpgsql AS $$
DECLARE
    result geometry;
BEGIN
    IF tbl IS NULL OR asset IS NULL OR NOT EXISTS (SELECT 1 FROM collection WHERE id = tbl AND kind = 'asset') THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT geom FROM %I WHERE id = $1', tbl) INTO result USING asset;
    RETURN result;
END
$$;
