-- Key projects: allowed status transitions with their history, milestone chains per category,
-- and targets whose progress follows from the linked assets.

-- planned → approved → under_construction → completed; suspended from any unfinished state and back.
CREATE FUNCTION project_transition_allowed(from_status text, to_status text) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$
    SELECT (from_status, to_status) IN (('planned', 'approved'), ('approved', 'under_construction'),
                                        ('under_construction', 'completed'),
                                        ('planned', 'suspended'), ('approved', 'suspended'),
                                        ('under_construction', 'suspended'),
                                        ('suspended', 'planned'), ('suspended', 'approved'),
                                        ('suspended', 'under_construction'))
$$;

CREATE TABLE project_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_status text,
    to_status   text NOT NULL,
    reason      text,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_status_change_project_idx ON project_status_change (project_id, id);

-- Holds on every way a project is written (API, OGC API transactions, imports): an illegal
-- transition is refused, a legal one is recorded with who and, if the writer gave one, why.
CREATE FUNCTION check_project_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NOT project_transition_allowed(OLD.status, NEW.status) THEN
        RAISE EXCEPTION 'project status cannot change from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'project_status_transition';
    END IF;
    INSERT INTO project_status_change (project_id, from_status, to_status, reason, changed_by)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status,
            NULLIF(current_setting('hetu.reason', true), ''), acting_user());
    RETURN NEW;
END
$$;
CREATE TRIGGER project_status AFTER INSERT OR UPDATE OF status ON project
    FOR EACH ROW EXECUTE FUNCTION check_project_status();

CREATE TABLE milestone_template (
    category text NOT NULL,
    seq      integer NOT NULL,
    name     text NOT NULL,
    PRIMARY KEY (category, seq)
);
-- The approval and building chain; categories without a chain of their own use 'default'.
INSERT INTO milestone_template (category, seq, name) VALUES
    ('default', 1, '立项'), ('default', 2, '用地预审'), ('default', 3, '环评'), ('default', 4, '规划许可'),
    ('default', 5, '施工许可'), ('default', 6, '开工'), ('default', 7, '完工验收'),
    ('service', 1, '立项'), ('service', 2, '实施方案'), ('service', 3, '启动实施'), ('service', 4, '考核验收'),
    ('river_chief', 1, '工作方案'), ('river_chief', 2, '启动实施'), ('river_chief', 3, '年度考核'),
    ('land', 1, '立项'), ('land', 2, '一地一策方案'), ('land', 3, '启动处置'), ('land', 4, '处置完成');

ALTER TABLE project ADD COLUMN target_measure text NOT NULL DEFAULT 'manual'
    CHECK (target_measure IN ('manual', 'treated_ditches', 'completed_assets', 'completed_length'));

-- The measured value of a project's target from its linked assets; NULL when it is entered by hand.
CREATE FUNCTION project_measured(p_id bigint, measure text) RETURNS numeric STABLE LANGUAGE plpgsql AS $$
DECLARE
    total numeric := 0;
    part numeric;
    c text;
BEGIN
    IF measure = 'manual' THEN
        RETURN NULL;
    END IF;
    IF measure = 'treated_ditches' THEN
        SELECT count(*) INTO total FROM project_asset pa JOIN ditch d ON d.id = pa.asset_id
        WHERE pa.project_id = p_id AND pa.collection = 'ditch' AND d.treated;
        RETURN total;
    END IF;
    FOR c IN SELECT DISTINCT collection FROM project_asset WHERE project_id = p_id LOOP
        IF measure = 'completed_assets' THEN
            EXECUTE format('SELECT count(*) FROM %I a JOIN project_asset pa ON pa.asset_id = a.id AND pa.collection = %L
                            WHERE pa.project_id = $1 AND a.status = ''completed''', c, c) INTO part USING p_id;
        ELSE
            EXECUTE format('SELECT COALESCE(sum(ST_Length(a.geom::geography)), 0) / 1000 FROM %I a
                            JOIN project_asset pa ON pa.asset_id = a.id AND pa.collection = %L
                            WHERE pa.project_id = $1 AND a.status = ''completed''', c, c) INTO part USING p_id;
        END IF;
        total := total + part;
    END LOOP;
    RETURN round(total, 2);
END
$$;
