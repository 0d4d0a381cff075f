-- Demo control lines (三区三线 and cultivated land) laid over the demo county, edition 2022: the development
-- boundary around 城关镇 and the five town seats, the ecological red line along the three county rivers,
-- cultivated land over the countryside in blocks of about 450 m by 440 m (field roads between them), 80% of
-- it permanent basic farmland. A few farmland patches overlap idle parcels and project footprints, as the
-- 三区三线 often does with land approved before it. The loader fills demo_county (the county boundary).
-- The per-feature audit is off: this is the edition as delivered.
SELECT set_config('hetu.audit', 'off', true);

CREATE TEMP TABLE demo_town ON COMMIT DROP AS
SELECT name, ST_SetSRID(ST_MakePoint(lon, lat), 4490) AS seat, radius
FROM (VALUES ('城关镇', 116.300, 33.255, 3200), ('东临溪镇', 116.430, 33.300, 2000), ('石弓镇', 116.500, 33.190, 1700),
             ('龙山镇', 116.150, 33.395, 1700), ('涡南镇', 116.250, 33.110, 1700), ('曹市镇', 116.100, 33.245, 1700))
     t(name, lon, lat, radius);

-- Metres around a geometry, on the ellipsoid, back in CGCS2000.
CREATE FUNCTION pg_temp.around(g geometry, metres double precision) RETURNS geometry LANGUAGE sql AS $$
    SELECT ST_SetSRID(ST_Buffer(g::geography, metres, 16)::geometry, 4490)
$$;

CREATE FUNCTION pg_temp.areal(g geometry) RETURNS geometry LANGUAGE sql AS $$
    SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3))
$$;

-- The county seat keeps room to grow (1.5 × its built-up radius), the town seats less (1.3 ×).
INSERT INTO urban_boundary (code, name, geom, department, town, zone_type)
SELECT 'KFBJ-' || lpad(row_number() OVER (ORDER BY t.radius DESC, t.name)::text, 2, '0'), t.name || '城镇开发边界',
       pg_temp.areal(ST_Intersection(pg_temp.around(t.seat, t.radius * CASE WHEN t.name = '城关镇' THEN 1.5 ELSE 1.3 END), c.geom)),
       'natres', t.name, '集中建设区'
FROM demo_town t, demo_county c;

-- 150 m on each bank of the county rivers, outside the development boundary.
INSERT INTO ecological_redline (code, name, geom, department, redline_type, remarks)
SELECT 'STHX-' || lpad(row_number() OVER (ORDER BY r.river)::text, 2, '0'), r.river || '河湖岸线生态保护红线',
       pg_temp.areal(ST_Intersection(ST_Difference(pg_temp.around(r.line, 150), (SELECT ST_Union(geom) FROM urban_boundary)),
                                     c.geom)),
       'natres', '河湖岸线', '水土保持、河湖生态'
FROM (SELECT river, ST_Union(geom) AS line FROM river_segment WHERE level = 'county' GROUP BY river) r, demo_county c;

-- Field blocks: a grid over the county less 18 m of field road, kept off the boundary, the red line and 30 m of
-- every smaller river.
CREATE TEMP TABLE demo_block ON COMMIT DROP AS
WITH grid AS (
    SELECT i, j, ST_MakeEnvelope(115.9 + i * 0.005 + 0.0001, 32.9 + j * 0.004 + 0.0001,
                                 115.9 + (i + 1) * 0.005 - 0.0001, 32.9 + (j + 1) * 0.004 - 0.0001, 4490) AS cell
    FROM generate_series(0, 159) i, generate_series(0, 174) j),
kept AS (SELECT ST_Union(geom) AS g FROM (
    SELECT geom FROM urban_boundary UNION ALL SELECT geom FROM ecological_redline
    UNION ALL SELECT pg_temp.around(geom, 30) FROM river_segment WHERE level <> 'county') k)
SELECT row_number() OVER (ORDER BY g.j, g.i) AS n, g.i, g.j,
       pg_temp.areal(CASE WHEN ST_Intersects(g.cell, kept.g) THEN ST_Difference(ST_Intersection(g.cell, c.geom), kept.g)
                          ELSE ST_Intersection(g.cell, c.geom) END) AS geom
FROM grid g, kept, demo_county c
WHERE ST_Intersects(g.cell, c.geom);
DELETE FROM demo_block WHERE ST_IsEmpty(geom) OR ST_Area(geom::geography) < 2000;

INSERT INTO cultivated_land (code, name, geom, department, town, land_class, village)
SELECT 'GD-' || lpad(b.n::text, 5, '0'), '耕地图斑' || b.n, b.geom, 'natres',
       (SELECT t.name FROM demo_town t ORDER BY t.seat <-> ST_PointOnSurface(b.geom) LIMIT 1),
       CASE WHEN (b.i + b.j) % 7 = 0 THEN '水浇地' ELSE '旱地' END, NULL
FROM demo_block b;

INSERT INTO basic_farmland (code, name, geom, department, town, land_class, quality_grade)
SELECT 'JBNT-' || lpad(b.n::text, 5, '0'), '永久基本农田保护图斑' || b.n, b.geom, 'natres',
       (SELECT t.name FROM demo_town t ORDER BY t.seat <-> ST_PointOnSurface(b.geom) LIMIT 1),
       CASE WHEN (b.i + b.j) % 7 = 0 THEN '水浇地' ELSE '旱地' END, 4 + (b.i * 7 + b.j * 3) % 5
FROM demo_block b
WHERE (b.i * 31 + b.j * 17) % 10 < 8;

-- Farmland left in the towns, over half of some idle parcels and of two real-estate projects with
-- land-acquisition issues: the conflicts the demo shows.
CREATE TEMP TABLE demo_overlap ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY code) AS n, code, town,
       ST_Translate(ST_Envelope(geom), (ST_XMax(geom) - ST_XMin(geom)) / 2, 0) AS geom
FROM (SELECT code, town, geom FROM land_parcel WHERE category = 'idle' AND code LIKE '%5'
      UNION ALL SELECT code, town, geom FROM project WHERE code IN ('XM-2023-035', 'XM-2023-036')) x;
INSERT INTO basic_farmland (code, name, geom, department, town, land_class, quality_grade, remarks)
SELECT 'JBNT-Z' || lpad(n::text, 2, '0'), '零星永久基本农田' || n, pg_temp.areal(o.geom), 'natres', o.town, '水田', 6,
       '与' || o.code || '重叠'
FROM demo_overlap o
WHERE NOT EXISTS (SELECT 1 FROM demo_overlap p WHERE p.n < o.n AND ST_Intersects(p.geom, o.geom));

SELECT set_config('hetu.audit', 'on', true);

-- Farmland protection tasks of this year, handed down per town: targets near what each town holds, two
-- towns (the county seat growing into its fields, and 石弓镇) a little short of theirs.
INSERT INTO farmland_task (year, town, farmland_target_mu, cultivated_target_mu, note, updated_by)
SELECT extract(year FROM county_today())::int, t.name,
       round((COALESCE((SELECT sum(area_m2) FROM basic_farmland f WHERE f.town = t.name), 0) / 666.67
              * CASE WHEN t.name IN ('城关镇', '石弓镇') THEN 1.02 ELSE 0.97 END)::numeric, 0),
       round((COALESCE((SELECT sum(area_m2) FROM cultivated_land c WHERE c.town = t.name), 0) / 666.67 * 0.98)::numeric, 0),
       '县政府耕地保护目标责任书下达', 'demo'
FROM demo_town t;
