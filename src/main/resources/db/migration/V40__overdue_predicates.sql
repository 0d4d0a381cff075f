-- "Overdue" is decided in one place each, so the issue list, the bulletin, the escalation job, the project
-- list and the dashboard can never disagree. Both functions are plain SQL expressions PostgreSQL inlines.

-- Today in the county (deadlines are county days, whatever the server's time zone).
CREATE FUNCTION county_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date $$;

-- A patrol issue is overdue once its deadline has passed and it is neither rectified nor closed.
CREATE FUNCTION issue_overdue(deadline date, status text, today date DEFAULT county_today()) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT deadline < today AND status NOT IN ('rectified', 'closed') $$;

-- A project milestone is overdue once its due day has passed and it is not done.
CREATE FUNCTION milestone_overdue(due_on date, done_on date, today date DEFAULT county_today()) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT done_on IS NULL AND due_on < today $$;
