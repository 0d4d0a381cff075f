-- Village (community) comprehensive service stations (村（社区）综合服务站) of the approval bureau: services
-- offered (政务 government, 供销 supply and marketing, 金融 finance, 邮政 postal), hours, staff, door-to-door
-- visits (上门服务), and the villages they serve.

-- The villages (行政村/社区) of the county as points (their village committee), reference data for coverage.
CREATE TABLE village (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    town text NOT NULL,
    geom geometry(Point, 4490) NOT NULL,
    UNIQUE (town, name)
);
CREATE INDEX village_geom_idx ON village USING gist (geom);
INSERT INTO village (name, town, geom)
SELECT v.name, v.town, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4490)
FROM (VALUES ('临溪村', '东临溪镇', 116.4345, 33.3190), ('汊口村', '东临溪镇', 116.4380, 33.3365),
             ('赵台村', '东临溪镇', 116.4198, 33.2665), ('曹圩村', '东临溪镇', 116.3997, 33.2798),
             ('杨圩村', '龙山镇', 116.1609, 33.4164), ('钱坊村', '龙山镇', 116.3241, 33.4310), ('尹洼村', '龙山镇', 116.1813, 33.4010),
             ('郑沟村', '石弓镇', 116.5070, 33.2035), ('罗坊村', '石弓镇', 116.4838, 33.2209),
             ('汪楼村', '曹市镇', 116.1097, 33.2805), ('谭湖村', '曹市镇', 116.0607, 33.1681), ('段坊村', '曹市镇', 116.0438, 33.1689),
             ('夏园村', '城关镇', 116.2922, 33.2429), ('田楼村', '涡南镇', 116.2232, 33.0854),
             ('梁店村', '涡南镇', 116.4076, 33.0586), ('孙大庄村', '涡南镇', 116.2402, 33.0685)) v(name, town, lon, lat);

SELECT create_asset_table('service_station', 'Point');
ALTER TABLE service_station ALTER COLUMN department SET DEFAULT 'approval';
ALTER TABLE service_station
    ADD COLUMN village         text,
    ADD COLUMN gov_service     boolean NOT NULL DEFAULT true,
    ADD COLUMN supply_service  boolean NOT NULL DEFAULT false,
    ADD COLUMN finance_service boolean NOT NULL DEFAULT false,
    ADD COLUMN postal_service  boolean NOT NULL DEFAULT false,
    ADD COLUMN opening_hours   text,
    ADD COLUMN staff           integer CHECK (staff >= 0);

-- Door-to-door service (上门服务): who was served is personal data and stays out; what was done, when, by whom.
CREATE TABLE station_visit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id bigint NOT NULL REFERENCES service_station (id) ON DELETE CASCADE,
    visited_on date NOT NULL,
    service    text NOT NULL CHECK (service IN ('gov', 'supply', 'finance', 'postal')),
    matter     text NOT NULL CHECK (length(trim(matter)) > 0),
    staff_name text NOT NULL CHECK (length(trim(staff_name)) > 0),
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_visit_station_idx ON station_visit (station_id, visited_on);

SELECT track_changes('service_station');

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        temporal_end, sort_order, owner_department) VALUES
    ('service_station', '村（社区）综合服务站', 'Village service stations', '政务、供销、金融、邮政服务与上门服务',
     'Government, supply, finance and postal services, and door-to-door service', 'project', 'Point', NULL, NULL, 160, 'approval');
