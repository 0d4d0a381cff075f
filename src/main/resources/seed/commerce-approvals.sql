-- Demo history of the commerce bureau's pipeline and enterprises, and the approval chains of key projects.
-- Dates are relative to the day of loading, so stalled and overdue figures stay meaningful. Deterministic.

-- Each investment project went through every stage up to its own, about 45 days apart; a few leads and
-- projects in negotiation have not moved for over 100 days (stalled).
DELETE FROM investment_step WHERE investment_id IN (SELECT id FROM investment_project WHERE code LIKE 'ZS-2023-%');
INSERT INTO investment_step (investment_id, from_stage, to_stage, reason, changed_by, changed_at)
SELECT p.id, (ARRAY['lead', 'negotiating', 'signed', 'landed', 'started', 'producing'])[k - 1],
       (ARRAY['lead', 'negotiating', 'signed', 'landed', 'started', 'producing'])[k],
       CASE WHEN k = 1 THEN '招商线索登记' END, p.person_in_charge,
       now() - make_interval(days => (p.r - k) * 45 + (p.n % 4) * 12 + CASE WHEN p.r <= 2 AND p.n % 3 = 0 THEN 100 ELSE 5 END)
FROM (SELECT id, person_in_charge, investment_stage_rank(stage) AS r, substr(code, 9)::int AS n
      FROM investment_project WHERE code LIKE 'ZS-2023-%') p,
     generate_series(1, p.r) k;
UPDATE investment_project i SET stage_changed_at = (SELECT max(changed_at) FROM investment_step s WHERE s.investment_id = i.id)
WHERE code LIKE 'ZS-2023-%';

-- The seed's projects that came in through investment (乐拓者, 文启酒店, the 110 kV substation, the gas station,
-- the standard workshops) are already key projects: linked both ways.
UPDATE investment_project i SET key_project_id = p.id
FROM project p, (VALUES ('ZS-2023-010', 'XM-2023-036'), ('ZS-2023-011', 'XM-2023-037'), ('ZS-2023-014', 'XM-2023-031'),
                        ('ZS-2023-015', 'XM-2023-032'), ('ZS-2023-021', 'XM-2023-041')) m(investment, project)
WHERE i.code = m.investment AND p.code = m.project;
INSERT INTO project_asset (project_id, collection, asset_id, role)
SELECT key_project_id, 'investment_project', id, 'investment' FROM investment_project WHERE key_project_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- Contacts (personal data) and visits of the enterprises, with problems raised and followed up.
INSERT INTO enterprise_contact (enterprise_id, name, position, phone, created_by)
SELECT e.id, (ARRAY['郑明', '冯丽', '褚强', '卫芳', '蒋涛', '沈静', '韩磊', '杨帆'])[e.id % 8 + 1],
       (ARRAY['总经理', '办公室主任', '财务负责人'])[e.id % 3 + 1], '139' || lpad((e.id * 7919 % 100000000)::text, 8, '0'), 'demo'
FROM enterprise e WHERE e.code LIKE 'QY-%';
INSERT INTO enterprise_visit (enterprise_id, visited_on, officer, problems, status, follow_up, created_by)
SELECT e.id, current_date - (e.id % 9)::int * 11 - 3, e.service_officer,
       CASE e.id % 4 WHEN 0 THEN '用工紧张，需对接技工招聘' WHEN 1 THEN '流动资金紧张，申请政银担贷款'
                     WHEN 2 THEN '厂区道路积水，需协调排水' END,
       CASE e.id % 4 WHEN 0 THEN 'rectifying' WHEN 1 THEN 'closed' WHEN 2 THEN 'reported' ELSE 'closed' END,
       CASE e.id % 4 WHEN 0 THEN '已对接县人社局专场招聘会' WHEN 1 THEN '已获批贷款300万元' END, 'demo'
FROM enterprise e WHERE e.code LIKE 'QY-%';

-- Approval chains of the key projects to be built: the earlier approvals done within or beyond their limits,
-- the later ones in progress (some overdue, one blocked), the last not started.
INSERT INTO approval_case (project_id, stage, green_channel, guidance_on)
SELECT p.id, CASE WHEN p.status = 'under_construction' THEN 'follow_up' WHEN p.status = 'approved' THEN 'parallel'
                  ELSE 'coordination' END,
       p.code IN ('XM-2023-031', 'XM-2023-036', 'XM-2023-041'), current_date - 160
FROM project p
WHERE p.code IN ('XM-2023-031', 'XM-2023-032', 'XM-2023-036', 'XM-2023-037', 'XM-2023-041', 'XM-2023-033', 'XM-2023-034');
INSERT INTO project_approval (project_id, approval_type, started_on, finished_on, issue, issue_resolved_on)
SELECT c.project_id, t.code,
       CASE WHEN t.seq <= 30 THEN current_date - 150 + t.seq + (c.project_id % 5)::int * 3
            WHEN t.seq <= 50 + (c.project_id % 3)::int * 10 THEN current_date - 8 - (c.project_id % 5)::int * 9 - (t.seq - 40) / 5 END,
       CASE WHEN t.seq <= 30 THEN current_date - 150 + t.seq + (c.project_id % 5)::int * 3 + t.limit_days + (c.project_id % 4)::int * 2 END,
       CASE WHEN t.code = 'eia' AND c.project_id % 2 = 0 THEN '环评公示期间收到群众意见，需补充论证'
            WHEN t.code = 'land_pre_review' AND c.project_id % 3 = 0 THEN '征地拆迁未完成' END,
       CASE WHEN t.code = 'land_pre_review' AND c.project_id % 3 = 0 THEN current_date - 100 END
FROM approval_case c CROSS JOIN approval_type t;

-- Door-to-door service (上门服务) logged by the village service stations in the last two months.
INSERT INTO station_visit (station_id, visited_on, service, matter, staff_name, created_by)
SELECT s.id, current_date - ((s.id * 7 + k * 13) % 60)::int,
       (ARRAY['gov', 'gov', 'finance', 'postal', 'supply'])[(s.id + k) % 5 + 1],
       (ARRAY['为行动不便老人代办养老保险资格认证', '上门办理社保卡激活', '代办小额贷款申请', '代收代寄邮件', '代购农资'])[(s.id + k) % 5 + 1],
       (ARRAY['孙红梅', '马立新', '朱秀英', '胡德明'])[(s.id + k) % 4 + 1], 'demo'
FROM service_station s, generate_series(1, 3) k;
