-- 泵站 (pumping stations) added as one migration, the way a county adds an asset type: the table with the
-- common core and its own fields and rules, change tracking, the search index, the collection row with its symbol,
-- the words of its fields and coded values, and the kinds of fields its types do not tell. No Java, JavaScript or
-- labels.json is changed for it (PumpingStationTests, e2e pumpingStation.test.js).

SELECT create_asset_table('pumping_station', 'Point');
ALTER TABLE pumping_station
    ADD COLUMN river        text CHECK (char_length(river) <= 100),
    ADD COLUMN pump_type    text NOT NULL CHECK (pump_type IN ('axial', 'mixed', 'centrifugal')),
    ADD COLUMN units        integer CHECK (units BETWEEN 1 AND 50),
    ADD COLUMN flow_m3_s    numeric(8, 2) CHECK (flow_m3_s > 0),
    ADD COLUMN built_year   integer CHECK (built_year BETWEEN 1949 AND 2100);
SELECT track_changes('pumping_station');
CREATE INDEX pumping_station_search_idx ON pumping_station USING gin (name gin_trgm_ops, code gin_trgm_ops);

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, sort_order,
                        owner_department, symbol)
VALUES ('pumping_station', '泵站', 'Pumping stations', '排涝、灌溉泵站', 'Drainage and irrigation pumping stations',
        'water', 'Point', 45, 'water', '{"marker": "pentagon"}');

INSERT INTO field_label (collection, field, title_zh, title_en, unit_zh, unit_en, enumeration) VALUES
    ('pumping_station', 'pump_type', '泵型', 'Pump type', NULL, NULL, 'pump_type'),
    ('pumping_station', 'units', '机组台数', 'Pump units', '台', 'units', NULL),
    ('pumping_station', 'flow_m3_s', '设计流量', 'Design flow', '立方米/秒', 'm³/s', NULL),
    ('pumping_station', 'built_year', '建成年份', 'Year built', NULL, NULL, NULL);

INSERT INTO enum_label (enumeration, code, label_zh, label_en, position) VALUES
    ('pump_type', 'axial', '轴流泵', 'Axial-flow', 1),
    ('pump_type', 'mixed', '混流泵', 'Mixed-flow', 2),
    ('pump_type', 'centrifugal', '离心泵', 'Centrifugal', 3);

INSERT INTO field_display (collection, field, kind) VALUES
    ('pumping_station', 'built_year', 'year');
