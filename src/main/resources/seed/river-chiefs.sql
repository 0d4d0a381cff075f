-- Demo river chiefs of the county, their segments, and three months of patrols and issues
-- (August to October 2026), so that the monthly bulletin is meaningful out of the box.
-- Deterministic: every random choice follows setseed.
SELECT setseed(0.2023);

CREATE TEMP TABLE demo_name (n integer, name text) ON COMMIT DROP;
INSERT INTO demo_name
SELECT row_number() OVER (ORDER BY md5(s || g)), s || g
FROM unnest(ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','朱','胡']) a(s),
     unnest(ARRAY['建国','志强','海燕','红梅','德明','秀英','国华','立新','卫东']) b(g);

-- County chiefs: one per county river, in charge of its county-level segments.
INSERT INTO river_chief (name, level, town, phone)
SELECT (SELECT name FROM demo_name WHERE n = r.k), 'county', NULL, '0558-' || (8120000 + r.k)
FROM (SELECT river, row_number() OVER (ORDER BY river) AS k FROM (SELECT DISTINCT river FROM river_segment
      WHERE level = 'county') x) r;
INSERT INTO chief_assignment (chief_id, collection, asset_id)
SELECT c.id, 'river_segment', s.id
FROM (SELECT river, row_number() OVER (ORDER BY river) AS k FROM (SELECT DISTINCT river FROM river_segment
      WHERE level = 'county') x) r
JOIN river_chief c ON c.name = (SELECT name FROM demo_name WHERE n = r.k) AND c.level = 'county'
JOIN river_segment s ON s.river = r.river AND s.level = 'county';

-- Town chiefs: one per town, in charge of its town-level segments.
INSERT INTO river_chief (name, level, town, phone)
SELECT (SELECT name FROM demo_name WHERE n = 10 + t.k), 'town', t.town, '139' || lpad((55500000 + t.k * 3137)::text, 8, '0')
FROM (SELECT town, row_number() OVER (ORDER BY town) AS k FROM (SELECT DISTINCT town FROM river_segment) x) t;
INSERT INTO chief_assignment (chief_id, collection, asset_id)
SELECT c.id, 'river_segment', s.id FROM river_chief c JOIN river_segment s ON s.town = c.town
WHERE c.level = 'town' AND s.level IN ('town', 'county');

-- Village chiefs: three per town, sharing its village segments and its ditches.
INSERT INTO river_chief (name, level, town, village, phone)
SELECT (SELECT name FROM demo_name WHERE n = 30 + t.k * 3 + v), 'village', t.town,
       t.town || (ARRAY['东村','西村','南村'])[v + 1], '138' || lpad((21300000 + t.k * 911 + v * 37)::text, 8, '0')
FROM (SELECT town, row_number() OVER (ORDER BY town) AS k FROM (SELECT DISTINCT town FROM ditch) x) t,
     generate_series(0, 2) v;
INSERT INTO chief_assignment (chief_id, collection, asset_id)
SELECT c.id, a.collection, a.id
FROM (SELECT 'ditch' AS collection, id, town, row_number() OVER (PARTITION BY town ORDER BY id) AS k FROM ditch
      UNION ALL
      SELECT 'river_segment', id, town, row_number() OVER (PARTITION BY town ORDER BY id) FROM river_segment
      WHERE level = 'village') a
JOIN river_chief c ON c.level = 'village' AND c.town = a.town
 AND c.village = a.town || (ARRAY['东村','西村','南村'])[(a.k % 3) + 1];

-- Patrols: per period of each chief's rule, usually one, sometimes two, sometimes none; along a
-- segment in their charge, at walking pace.
INSERT INTO patrol (id, chief_id, started_at, ended_at, geom, source, created_by)
SELECT md5(c.id || '-' || p.start::text || '-' || k)::uuid, c.id, t.started,
       t.started + make_interval(secs => ST_Length(seg.geom::geography) * 0.9 / 1.2),
       ST_LineSubstring(seg.geom, 0, 0.9), CASE WHEN random() < 0.9 THEN 'gps' ELSE 'drawn' END, 'demo'
FROM river_chief c
JOIN patrol_rule r ON r.level = c.level
CROSS JOIN LATERAL (
    SELECT g.d::date AS start,
           least(g.d::date + CASE r.period WHEN 'week' THEN 6 WHEN 'xun' THEN 9 ELSE 30 END,
                 (date_trunc('month', g.d) + interval '1 month - 1 day')::date) AS stop
    FROM generate_series(TIMESTAMP '2026-08-01', TIMESTAMP '2026-10-31', CASE r.period WHEN 'week' THEN interval '7 days'
                         WHEN 'xun' THEN interval '1 day' ELSE interval '1 month' END) g(d)
    WHERE r.period <> 'xun' OR extract(day FROM g.d) IN (1, 11, 21)) p
CROSS JOIN LATERAL generate_series(1, CASE WHEN random() < 0.12 THEN 0 WHEN random() < 0.2 THEN 2 ELSE 1 END) k
CROSS JOIN LATERAL (SELECT ((p.start + (random() * (p.stop - p.start))::int)::timestamp
                            + make_interval(hours => 8 + (random() * 8)::int)) AT TIME ZONE county_time_zone() AS started) t
CROSS JOIN LATERAL (SELECT geom FROM (
        SELECT s.geom FROM chief_assignment a JOIN river_segment s ON a.collection = 'river_segment' AND s.id = a.asset_id
        WHERE a.chief_id = c.id
        UNION ALL
        SELECT d.geom FROM chief_assignment a JOIN ditch d ON a.collection = 'ditch' AND d.id = a.asset_id
        WHERE a.chief_id = c.id) g ORDER BY random() LIMIT 1) seg
WHERE p.start < p.stop OR r.period = 'week';

INSERT INTO patrol_coverage (patrol_id, collection, asset_id, covered_m)
SELECT p.id, a.collection, a.asset_id, ST_Length(ST_Intersection(g.geom, ST_SetSRID(
           ST_Buffer(p.geom::geography, 50)::geometry, 4490))::geography)
FROM patrol p JOIN chief_assignment a ON a.chief_id = p.chief_id
JOIN LATERAL (SELECT geom FROM river_segment WHERE a.collection = 'river_segment' AND id = a.asset_id
              UNION ALL SELECT geom FROM ditch WHERE a.collection = 'ditch' AND id = a.asset_id) g ON true
WHERE p.created_by = 'demo' AND g.geom && ST_Expand(p.geom, 0.001)
  AND ST_Length(ST_Intersection(g.geom, ST_SetSRID(ST_Buffer(p.geom::geography, 50)::geometry, 4490))::geography)
      >= least(200, 0.5 * ST_Length(g.geom::geography));

-- Issues found on about one patrol in six, with follow-up that older issues have completed.
INSERT INTO patrol_issue (id, patrol_id, geom, category, description, status, segment_collection, segment_id,
                          assignee, deadline, reported_by, reported_at, closed_at)
SELECT md5('issue-' || p.id)::uuid, p.id, ST_LineInterpolatePoint(p.geom, 0.2 + random() * 0.6), i.category,
       i.description, s.status, a.collection, a.asset_id,
       CASE WHEN s.status <> 'reported' THEN c.town || '人民政府' END,
       CASE WHEN s.status <> 'reported' THEN (p.started_at AT TIME ZONE county_time_zone())::date + 15 END,
       'demo', p.ended_at, CASE WHEN s.status = 'closed' THEN p.ended_at + interval '12 days' END
FROM patrol p
JOIN river_chief c ON c.id = p.chief_id
JOIN LATERAL (SELECT collection, asset_id FROM patrol_coverage WHERE patrol_id = p.id ORDER BY covered_m DESC LIMIT 1) a ON true
-- The kind of issue follows from the patrol (a subquery without it would be drawn once for all), dumping
-- and occupation being the commonest, as in the county's own bulletins.
CROSS JOIN LATERAL (SELECT * FROM (VALUES
        (0, 'occupation', '河道管理范围内违规搭建养殖棚'), (1, 'dumping', '河岸堆放建筑垃圾和生活垃圾'),
        (2, 'dumping', '河坡倾倒生活垃圾，影响行洪'), (3, 'occupation', '沿河违规种植农作物，侵占河坡'),
        (4, 'building', '堤防保护范围内新建违章房屋'), (5, 'pollution', '排水口有异色污水排入'),
        (6, 'mining', '河床疑似非法取土，留有挖掘痕迹'), (7, 'dumping', '水面漂浮垃圾较多，需组织打捞'),
        (8, 'other', '岸坡垮塌，护坡需修复'), (9, 'pollution', '沿岸养殖废水直排入河')) v(k, category, description)
        WHERE v.k = abs(hashtext(p.id::text)) % 10) i
CROSS JOIN LATERAL (SELECT CASE WHEN p.started_at < TIMESTAMPTZ '2026-09-15' THEN
                               (ARRAY['closed','closed','closed','rectified','rectifying'])[1 + (random() * 4)::int]
                          ELSE (ARRAY['reported','assigned','assigned','rectifying','closed'])[1 + (random() * 4)::int]
                          END AS status) s
WHERE p.created_by = 'demo' AND random() < 0.17;

INSERT INTO issue_event (issue_id, from_status, to_status, note, by_user, at)
SELECT i.id, e.from_status, e.to_status, e.note, 'demo', i.reported_at + e.after
FROM patrol_issue i
CROSS JOIN LATERAL (VALUES (1, NULL, 'reported', NULL, interval '0'),
                           (2, 'reported', 'assigned', '交办属地整改', interval '1 day'),
                           (3, 'assigned', 'rectifying', '属地已组织整改', interval '3 days'),
                           (4, 'rectifying', 'rectified', '整改完成，附整改后照片', interval '9 days'),
                           (5, 'rectified', 'closed', '复核通过，销号', interval '12 days')) e(step, from_status, to_status,
                                                                                              note, after)
WHERE i.reported_by = 'demo'
  AND e.step <= array_position(ARRAY['reported','assigned','rectifying','rectified','closed'], i.status);

-- A village chief on 包河 for the phone pages, with the sign-in account 'hezhang'. The account is
-- disabled and its password hash, random and made here, matches no password: there is no demo
-- password, in production or anywhere. An administrator sets a password and enables the account.
-- Last in this file, so the random draws above stay as they were.
INSERT INTO account (username, display_name, password_hash, roles, enabled)
SELECT 'hezhang', '包河村级河长（演示）',
       '{bcrypt}$2a$10$' || left(md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text), 53),
       ARRAY['river_chief'], false
WHERE NOT EXISTS (SELECT 1 FROM account WHERE username = 'hezhang');
INSERT INTO river_chief (name, level, town, village, phone, account_id)
SELECT (SELECT name FROM demo_name WHERE n = 130), 'village', s.town, s.town || '包河村', '13821399999', a.id
FROM (SELECT town FROM river_segment WHERE river = '包河' ORDER BY id LIMIT 1) s
JOIN account a ON a.username = 'hezhang'
WHERE NOT EXISTS (SELECT 1 FROM river_chief WHERE account_id = a.id);
INSERT INTO chief_assignment (chief_id, collection, asset_id)
SELECT c.id, 'river_segment', s.id
FROM river_chief c JOIN account a ON a.id = c.account_id AND a.username = 'hezhang',
     (SELECT id FROM river_segment WHERE river = '包河' ORDER BY id LIMIT 1) s
ON CONFLICT DO NOTHING;
