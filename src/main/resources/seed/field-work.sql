-- Demo field work beyond rivers (August to October 2026), made from the county's own villages, boundary and
-- assets: straw-burning grids (one per village, the Voronoi cell of its village committee inside the county)
-- with a village patroller each and a town patroller per town; an inspector of water works per town and one
-- county maintainer of the warning stations; their patrols, fire spots and inspections. Deterministic.
SELECT setseed(0.2026);

CREATE TEMP TABLE field_name (n integer, name text) ON COMMIT DROP;
INSERT INTO field_name
SELECT row_number() OVER (ORDER BY md5(s || g || 'field')), s || g
FROM unnest(ARRAY['高','林','何','郭','罗','梁','宋','郑','谢','韩','唐','冯','于','董','萧']) a(s),
     unnest(ARRAY['春生','玉兰','保国','桂芝','新民','凤英','振华','素珍']) b(g);

-- Grids: the villages' Voronoi cells inside the county boundary.
INSERT INTO patrol_grid (code, name, geom, status, department, town, village, responsible_person, responsible_phone, frequency,
                         created_by, updated_by)
SELECT 'JSWG-' || lpad(v.k::text, 3, '0'), v.name || '禁烧网格',
       ST_Multi(ST_CollectionExtract(ST_Intersection(cell.geom, (SELECT boundary FROM county)), 3)), 'completed', 'water',
       v.town, v.name, (SELECT name FROM field_name WHERE n = v.k), '137' || lpad((62400000 + v.k * 4211)::text, 8, '0'),
       'week', 'demo', 'demo'
FROM (SELECT id, name, town, geom, row_number() OVER (ORDER BY town, name) AS k FROM village) v
JOIN LATERAL (SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(geom), 0, ST_Expand((SELECT boundary FROM county), 0.1)))).geom
              FROM village) cell ON ST_Contains(cell.geom, v.geom);

-- People: a village patroller per grid, a town patroller per town, an inspector per town with water works,
-- a county maintainer of the warning stations. They join the field staff register (river_chief).
INSERT INTO river_chief (name, level, town, village, phone)
SELECT responsible_person, 'village', town, village, responsible_phone FROM patrol_grid ORDER BY code;
INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id)
SELECT c.id, 'straw_burning', 'patrol_grid', g.id
FROM patrol_grid g JOIN river_chief c ON c.name = g.responsible_person AND c.village = g.village AND c.level = 'village';

INSERT INTO river_chief (name, level, town, phone)
SELECT (SELECT name FROM field_name WHERE n = 40 + t.k), 'town', t.town, '0558-' || (8230000 + t.k)
FROM (SELECT town, row_number() OVER (ORDER BY town) AS k FROM (SELECT DISTINCT town FROM patrol_grid) x) t;
INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id)
SELECT c.id, 'straw_burning', 'patrol_grid', g.id
FROM patrol_grid g JOIN river_chief c ON c.town = g.town AND c.level = 'town' AND c.phone LIKE '0558-823%';

CREATE TEMP TABLE demo_works ON COMMIT DROP AS
SELECT 'sluice' AS collection, id, town FROM sluice
UNION ALL SELECT 'dike', id, town FROM dike
UNION ALL SELECT 'pipeline', id, town FROM pipeline;
INSERT INTO river_chief (name, level, town, phone)
SELECT (SELECT name FROM field_name WHERE n = 60 + t.k), 'town', t.town, '0558-' || (8340000 + t.k)
FROM (SELECT town, row_number() OVER (ORDER BY town) AS k FROM (SELECT DISTINCT town FROM demo_works WHERE town IS NOT NULL) x) t;
INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id)
SELECT c.id, 'works_inspection', w.collection, w.id
FROM demo_works w JOIN river_chief c ON c.town = w.town AND c.phone LIKE '0558-834%';

INSERT INTO river_chief (name, level, phone) VALUES ((SELECT name FROM field_name WHERE n = 100), 'county', '0558-8450001');
INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id)
SELECT c.id, 'warning_station', 'warning_station', s.id FROM warning_station s, river_chief c WHERE c.phone = '0558-8450001';

-- Straw-burning patrols: village patrollers twice a week, daily from the autumn harvest (20 September), sometimes
-- missing a day; town patrollers once a week, three times a week in the harvest. A track across the grid.
INSERT INTO patrol (id, chief_id, patrol_type, started_at, ended_at, geom, source, created_by)
SELECT md5('straw-' || c.id || '-' || d.day || '-' || g.id)::uuid, c.id, 'straw_burning', t.started,
       t.started + make_interval(secs => ST_Length(line.geom::geography) / 1.3), line.geom, 'gps', 'demo'
FROM river_chief c
JOIN patrol_duty pd ON pd.chief_id = c.id AND pd.patrol_type = 'straw_burning'
JOIN patrol_grid g ON g.id = pd.asset_id
CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series(DATE '2026-08-01', DATE '2026-10-31', interval '1 day') g) d
CROSS JOIN LATERAL (SELECT (d.day + make_interval(hours => 8 + (random() * 9)::int, mins => (random() * 59)::int))
                           AT TIME ZONE county_time_zone() AS started, random() AS draw) t
CROSS JOIN LATERAL (SELECT ST_MakeLine(ST_GeometryN(p, 1), ST_GeometryN(p, 2)) AS geom
                    FROM ST_GeneratePoints(g.geom, 2, (extract(doy FROM d.day)::int * 1000 + g.id)::int) p) line
WHERE CASE WHEN c.level = 'village' THEN
               CASE WHEN d.day >= DATE '2026-09-20' THEN t.draw < 0.9 ELSE extract(isodow FROM d.day) IN (2, 5) AND t.draw < 0.92 END
           ELSE g.id = (SELECT min(asset_id) FROM patrol_duty x WHERE x.chief_id = c.id)
                AND (CASE WHEN d.day >= DATE '2026-09-20' THEN extract(isodow FROM d.day) IN (1, 3, 5)
                          ELSE extract(isodow FROM d.day) = 3 END) AND t.draw < 0.9 END;

INSERT INTO patrol_coverage (patrol_id, collection, asset_id, covered_m)
SELECT p.id, 'patrol_grid', g.id, ST_Length(ST_Intersection(p.geom, g.geom)::geography)
FROM patrol p JOIN patrol_grid g ON ST_Intersects(p.geom, g.geom)
WHERE p.created_by = 'demo' AND p.patrol_type = 'straw_burning';

-- Fire spots and burnt patches in the harvest, stacked straw before it; most closed within the month.
INSERT INTO patrol_issue (id, patrol_id, patrol_type, geom, category, description, status, asset_collection, asset_id, town,
                          assignee, deadline, reported_by, reported_at, closed_at)
SELECT md5('fire-' || p.id)::uuid, p.id, 'straw_burning', ST_LineInterpolatePoint(p.geom, 0.5), k.category, k.description,
       s.status, 'patrol_grid', g.id, g.town,
       CASE WHEN s.status <> 'reported' THEN g.town || '人民政府' END,
       CASE WHEN s.status <> 'reported' THEN (p.started_at AT TIME ZONE county_time_zone())::date + 3 END,
       'demo', p.ended_at, CASE WHEN s.status = 'closed' THEN p.ended_at + interval '2 days' END
FROM patrol p
JOIN patrol_coverage pc ON pc.patrol_id = p.id
JOIN patrol_grid g ON g.id = pc.asset_id
CROSS JOIN LATERAL (SELECT CASE WHEN p.started_at >= TIMESTAMPTZ '2026-09-20 00:00+08'
                                THEN (ARRAY['fire_spot', 'burnt_patch', 'fire_spot'])[1 + abs(hashtext(p.id::text)) % 3]
                                ELSE 'stacked_straw' END AS category) c
CROSS JOIN LATERAL (SELECT c.category, CASE c.category WHEN 'fire_spot' THEN '田间发现焚烧秸秆火点，已现场扑灭'
                                                      WHEN 'burnt_patch' THEN '发现过火地块约2亩'
                                                      ELSE '秸秆堆放在路边沟渠旁，存在火灾隐患' END AS description) k
CROSS JOIN LATERAL (SELECT CASE WHEN p.started_at < TIMESTAMPTZ '2026-10-20 00:00+08'
                                THEN (ARRAY['closed', 'closed', 'closed', 'rectified'])[1 + abs(hashtext(p.id::text || 's')) % 4]
                                ELSE (ARRAY['reported', 'assigned', 'rectifying', 'closed'])[1 + abs(hashtext(p.id::text || 's')) % 4]
                                END AS status) s
WHERE p.created_by = 'demo' AND p.patrol_type = 'straw_burning'
  AND pc.asset_id = (SELECT min(asset_id) FROM patrol_coverage x WHERE x.patrol_id = p.id)
  AND abs(hashtext(p.id::text || 'fire')) % 100 < CASE WHEN p.started_at >= TIMESTAMPTZ '2026-09-20 00:00+08' THEN 6 ELSE 2 END;

-- Inspections: an inspector visits two or three of their works every ten days (weekly in the flood season to
-- 30 September); the maintainer every station once a month. A few items fail and become issues.
INSERT INTO patrol (id, chief_id, patrol_type, started_at, ended_at, geom, source, created_by)
SELECT md5('works-' || c.id || '-' || d.day)::uuid, c.id, pd.patrol_type, t.started, t.started + interval '3 hours',
       ST_MakeLine(ST_Translate(w.geom, -0.003, -0.002), w.geom), 'gps', 'demo'
FROM river_chief c
JOIN LATERAL (SELECT DISTINCT patrol_type FROM patrol_duty x WHERE x.chief_id = c.id
              AND x.patrol_type IN ('works_inspection', 'warning_station')) pd ON true
CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series(DATE '2026-08-03', DATE '2026-10-31', interval '1 day') g) d
CROSS JOIN LATERAL (SELECT (d.day + make_interval(hours => 9)) AT TIME ZONE county_time_zone() AS started) t
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(asset_geom(x.collection, x.asset_id)) AS geom FROM patrol_duty x
                    WHERE x.chief_id = c.id AND x.patrol_type = pd.patrol_type
                    ORDER BY md5(x.asset_id || '-' || d.day) LIMIT 1) w
WHERE CASE pd.patrol_type
          WHEN 'works_inspection' THEN CASE WHEN d.day <= DATE '2026-09-30' THEN (d.day - DATE '2026-08-03') % 7 = 0
                                            ELSE extract(day FROM d.day) IN (5, 15, 25) END
          ELSE CASE WHEN d.day <= DATE '2026-09-30' THEN extract(day FROM d.day) IN (8, 18, 28)
                    ELSE extract(day FROM d.day) = 12 END END;

INSERT INTO inspection (patrol_id, collection, asset_id, inspected_at, station_status, results)
SELECT p.id, x.collection, x.asset_id, p.ended_at,
       CASE WHEN x.collection = 'warning_station' THEN
            (ARRAY['online', 'online', 'online', 'online', 'offline', 'damaged'])[1 + abs(hashtext(p.id::text || x.asset_id)) % 6] END,
       (SELECT jsonb_agg(jsonb_build_object('item', item ->> 'id',
                                            'ok', abs(hashtext(p.id::text || x.asset_id || (item ->> 'id'))) % 100 >= 6,
                                            'note', NULL))
        FROM patrol_type t, jsonb_array_elements(t.checklists -> x.collection) item WHERE t.id = p.patrol_type)
FROM patrol p
CROSS JOIN LATERAL (SELECT collection, asset_id FROM patrol_duty d WHERE d.chief_id = p.chief_id AND d.patrol_type = p.patrol_type
                    ORDER BY md5(d.asset_id || p.id::text) LIMIT CASE p.patrol_type WHEN 'warning_station' THEN 4 ELSE 3 END) x
WHERE p.created_by = 'demo' AND p.patrol_type IN ('works_inspection', 'warning_station');

INSERT INTO patrol_issue (id, patrol_id, patrol_type, geom, category, description, status, asset_collection, asset_id, town,
                          assignee, deadline, reported_by, reported_at, closed_at)
SELECT md5(i.patrol_id || '/' || i.collection || '/' || i.asset_id || '/' || (r ->> 'item'))::uuid, i.patrol_id, p.patrol_type,
       ST_PointOnSurface(asset_geom(i.collection, i.asset_id)), r ->> 'item', '检查不合格：' || (r ->> 'item'),
       s.status, i.collection, i.asset_id, asset_town(i.collection, i.asset_id),
       CASE WHEN s.status <> 'reported' THEN '县水利工程管理站' END,
       (i.inspected_at AT TIME ZONE county_time_zone())::date + t.rectify_days, 'demo', i.inspected_at,
       CASE WHEN s.status = 'closed' THEN i.inspected_at + interval '9 days' END
FROM inspection i
JOIN patrol p ON p.id = i.patrol_id
JOIN patrol_type t ON t.id = p.patrol_type
CROSS JOIN LATERAL jsonb_array_elements(i.results) r
CROSS JOIN LATERAL (SELECT CASE WHEN i.inspected_at < TIMESTAMPTZ '2026-10-01 00:00+08'
                                THEN (ARRAY['closed', 'closed', 'rectifying'])[1 + abs(hashtext(i.patrol_id::text || i.asset_id)) % 3]
                                ELSE (ARRAY['reported', 'assigned', 'closed'])[1 + abs(hashtext(i.patrol_id::text || i.asset_id)) % 3]
                                END AS status) s
WHERE p.created_by = 'demo' AND NOT (r ->> 'ok')::boolean;

UPDATE patrol_issue i
SET description = '检查不合格：' || (SELECT item -> 'name' ->> 'zh' FROM patrol_type t, jsonb_array_elements(t.checklists -> i.asset_collection) item
                                WHERE t.id = i.patrol_type AND item ->> 'id' = i.category LIMIT 1)
WHERE i.reported_by = 'demo' AND i.description = '检查不合格：' || i.category;

INSERT INTO issue_event (issue_id, from_status, to_status, note, by_user, at)
SELECT i.id, e.from_status, e.to_status, e.note, 'demo', i.reported_at + e.after
FROM patrol_issue i
CROSS JOIN LATERAL (VALUES (1, NULL, 'reported', NULL, interval '0'),
                           (2, 'reported', 'assigned', '交办整改', interval '4 hours'),
                           (3, 'assigned', 'rectifying', '已组织整改', interval '1 day'),
                           (4, 'rectifying', 'rectified', '整改完成，附整改后照片', interval '7 days'),
                           (5, 'rectified', 'closed', '复核通过，销号', interval '9 days')) e(step, from_status, to_status, note, after)
WHERE i.reported_by = 'demo' AND i.patrol_type <> 'river'
  AND e.step <= array_position(ARRAY['reported', 'assigned', 'rectifying', 'rectified', 'closed'], i.status);

-- Sign-in accounts for a village straw-burning patroller and a water-works inspector, disabled and with no
-- password, like 'hezhang': an administrator sets one and enables them.
INSERT INTO account (username, display_name, password_hash, roles, enabled)
SELECT v.username, v.display_name, '{bcrypt}$2a$10$' || left(md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text), 53),
       ARRAY['river_chief'], false
FROM (VALUES ('jinshao', '禁烧网格员（演示）'), ('xuncha', '水利工程巡查员（演示）')) v(username, display_name)
WHERE NOT EXISTS (SELECT 1 FROM account WHERE username = v.username);
UPDATE river_chief SET account_id = (SELECT id FROM account WHERE username = 'jinshao')
WHERE id = (SELECT min(c.id) FROM river_chief c JOIN patrol_duty d ON d.chief_id = c.id
            WHERE d.patrol_type = 'straw_burning' AND c.level = 'village')
  AND NOT EXISTS (SELECT 1 FROM river_chief WHERE account_id = (SELECT id FROM account WHERE username = 'jinshao'));
UPDATE river_chief SET account_id = (SELECT id FROM account WHERE username = 'xuncha')
WHERE id = (SELECT min(c.id) FROM river_chief c JOIN patrol_duty d ON d.chief_id = c.id WHERE d.patrol_type = 'works_inspection')
  AND NOT EXISTS (SELECT 1 FROM river_chief WHERE account_id = (SELECT id FROM account WHERE username = 'xuncha'));
