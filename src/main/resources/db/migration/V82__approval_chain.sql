-- The approval chain of key projects (重点项目审批全链条服务) run by the administrative approval bureau:
-- 审前辅导 guidance → 并联审批 parallel approval → 审中协调 coordination → 审后跟踪 follow-up.

-- The approvals a key project needs, each with its department and its time limit in WORKING days
-- (工作日), the county's promised limits (承诺时限), as data.
CREATE TABLE approval_type (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    department  text NOT NULL,
    limit_days  integer NOT NULL CHECK (limit_days > 0),
    seq         integer NOT NULL
);
INSERT INTO approval_type (code, name_zh, name_en, department, limit_days, seq) VALUES
    ('project_filing',      '立项（审批/核准/备案）', 'Project approval or filing',         '县发展改革委', 5, 10),
    ('land_pre_review',     '用地预审与选址意见书',   'Land pre-review and site selection', '县自然资源和规划局', 20, 20),
    ('planning_land',       '建设用地规划许可证',     'Land-use planning permit',          '县自然资源和规划局', 7, 30),
    ('eia',                 '环境影响评价审批',       'Environmental impact approval',      '市生态环境局县分局', 30, 40),
    ('energy_review',       '节能审查',               'Energy-saving review',               '县发展改革委', 15, 50),
    ('planning_works',      '建设工程规划许可证',     'Works planning permit',             '县自然资源和规划局', 10, 60),
    ('construction_permit', '建筑工程施工许可证',     'Construction permit',               '县住房和城乡建设局', 7, 70);

-- Days off and the weekend days worked instead (调休), as the State Council publishes them each year.
CREATE TABLE calendar_day (
    day  date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name text NOT NULL
);
INSERT INTO calendar_day (day, kind, name)
SELECT d::date, 'holiday', h.name
FROM (VALUES ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
             ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
             ('2026-10-01', '2026-10-07', '国庆节')) h(first, last, name),
     generate_series(h.first::date, h.last::date, interval '1 day') d;
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2026-01-04', 'workday', '元旦调休'), ('2026-02-14', 'workday', '春节调休'), ('2026-02-28', 'workday', '春节调休'),
    ('2026-05-09', 'workday', '劳动节调休'), ('2026-09-20', 'workday', '国庆节调休'), ('2026-10-10', 'workday', '国庆节调休');

CREATE FUNCTION is_working_day(d date) RETURNS boolean STABLE LANGUAGE sql AS $$
    SELECT COALESCE((SELECT kind = 'workday' FROM calendar_day WHERE day = d), extract(isodow FROM d) < 6)
$$;

-- Working days used by an approval started on one day and finished (or looked at) on another: the working
-- days after the start up to and including the end, as a limit "within N working days of acceptance" counts them.
CREATE FUNCTION working_days_between(started date, ended date) RETURNS integer STABLE LANGUAGE sql AS $$
    SELECT count(*)::integer FROM generate_series(started + 1, ended, interval '1 day') d WHERE is_working_day(d::date)
$$;

-- A key project's approval service: where it stands in the four stages, and whether it has the green channel.
CREATE TABLE approval_case (
    project_id    bigint PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    stage         text NOT NULL DEFAULT 'guidance' CHECK (stage IN ('guidance', 'parallel', 'coordination', 'follow_up')),
    green_channel boolean NOT NULL DEFAULT false,
    guidance_on   date,
    version       integer NOT NULL DEFAULT 0
);

CREATE TABLE project_approval (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id    bigint NOT NULL REFERENCES approval_case (project_id) ON DELETE CASCADE,
    approval_type text NOT NULL REFERENCES approval_type (code),
    started_on    date,
    finished_on   date,
    issue         text,
    issue_resolved_on date,
    remarks       text,
    version       integer NOT NULL DEFAULT 0,
    UNIQUE (project_id, approval_type),
    CONSTRAINT project_approval_finished_on_check CHECK (finished_on IS NULL OR (started_on IS NOT NULL AND finished_on >= started_on)),
    CONSTRAINT project_approval_issue_resolved_on_check CHECK (issue_resolved_on IS NULL OR issue IS NOT NULL)
);
