-- Demo satellite enforcement patches: three monthly batches (2026-08 to 2026-10) of twelve changes each, about
-- 60 m × 55 m, in the countryside field blocks (so most are flagged as in farmland), in the states the cadence
-- goes through: August judged and mostly rectified, September assigned and under rectification, October just
-- received. Deterministic (no random()).
SELECT set_config('hetu.audit', 'off', true);

INSERT INTO enforcement_patch (code, name, geom, department, town, patch_no, batch, detected_on, change_type, image_before,
                               image_after, judgement, justification, rectification, assigned_town, deadline, closed_at)
SELECT 'WP-' || batch || '-' || lpad(k::text, 2, '0'), '卫片图斑 ' || batch || '-' || k,
       ST_Multi(ST_MakeEnvelope(ST_X(c) - 0.0003, ST_Y(c) - 0.00025, ST_X(c) + 0.0003, ST_Y(c) + 0.00025, 4490)),
       'natres', town, '341621' || replace(batch, '-', '') || lpad(k::text, 3, '0'), batch, (batch || '-05')::date + k,
       (ARRAY['新增建设用地', '推土', '设施农用地', '大棚房', '坑塘'])[1 + k % 5],
       'img/' || batch || '/' || k || '-before.jpg', 'img/' || batch || '/' || k || '-after.jpg',
       judgement, CASE WHEN judgement = 'legal' THEN '已办理农用地转用审批（皖政地〔2026〕' || (20 + k) || '号）'
                       WHEN judgement = 'illegal' THEN '《土地管理法》第七十七条：未经批准占用土地'
                       WHEN judgement = 'other' THEN '临时用地，已备案' END,
       rectification, CASE WHEN rectification <> 'reported' AND judgement = 'illegal' THEN town END,
       CASE WHEN judgement = 'illegal' THEN (batch || '-01')::date + 45 END,
       CASE WHEN rectification = 'closed' THEN ((batch || '-01')::date + 20 + k) + time '10:00' END
FROM (
    SELECT b.batch, k, ST_PointOnSurface(g.geom) AS c, g.town,
           CASE WHEN b.batch = '2026-10' AND k > 4 THEN NULL
                WHEN k % 4 = 0 THEN 'legal' WHEN k % 6 = 1 THEN 'other' ELSE 'illegal' END AS judgement,
           CASE WHEN b.batch = '2026-10' AND k > 4 THEN 'reported'
                WHEN k % 4 = 0 OR k % 6 = 1 THEN 'closed'
                WHEN b.batch = '2026-08' THEN (CASE WHEN k = 2 THEN 'rectifying' ELSE 'closed' END)
                WHEN b.batch = '2026-09' THEN (ARRAY['assigned', 'rectifying', 'rectified'])[1 + k % 3]
                ELSE 'assigned' END AS rectification
    FROM (VALUES ('2026-08', 1), ('2026-09', 2), ('2026-10', 3)) b(batch, seq)
    CROSS JOIN generate_series(1, 12) k
    CROSS JOIN LATERAL (SELECT geom, town FROM cultivated_land ORDER BY code
                        OFFSET ((b.seq * 12 + k) * 397) % (SELECT count(*) FROM cultivated_land) LIMIT 1) g
) p;

SELECT set_config('hetu.audit', 'on', true);
