-- Project progress says how it is measured, and "无项目" (none) is an asset status only.

-- Rows that were marked "no project" are routine work: finished if they ended, running if they
-- started, planned otherwise. No transition leads out of 'none', so the history is written here.
ALTER TABLE project DISABLE TRIGGER project_status;
INSERT INTO project_status_change (project_id, from_status, to_status, reason, changed_by)
SELECT id, 'none', CASE WHEN actual_end IS NOT NULL THEN 'completed'
                        WHEN actual_start IS NOT NULL THEN 'under_construction' ELSE 'planned' END,
       '“无项目”是资产的状态，不是项目的状态 / "none" is an asset status, not a project status', 'system'
FROM project WHERE status = 'none';
UPDATE project SET status = CASE WHEN actual_end IS NOT NULL THEN 'completed'
                                 WHEN actual_start IS NOT NULL THEN 'under_construction' ELSE 'planned' END,
                   version = version + 1
WHERE status = 'none';
ALTER TABLE project ENABLE TRIGGER project_status;
ALTER TABLE project ADD CONSTRAINT project_status_not_none CHECK (status <> 'none');

-- progress_pct is the figure someone reported; who and when are kept beside it. The method is
-- the project's own choice, or NULL for the default order (see project_progress).
ALTER TABLE project
    ADD COLUMN progress_method      text CHECK (progress_method IN ('reported', 'milestones', 'assets', 'investment')),
    ADD COLUMN progress_reported_by text,
    ADD COLUMN progress_reported_at timestamptz;
UPDATE project SET progress_reported_by = updated_by, progress_reported_at = updated_at
WHERE target_measure = 'manual' AND progress_pct > 0;

-- Every way a project is written (API, OGC API, imports) records who reported a changed figure;
-- no writer can set who reported it, only the system when it loads recorded history.
CREATE FUNCTION stamp_progress_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF acting_user() <> 'system' OR NEW.progress_reported_at IS NULL THEN
            NEW.progress_reported_by := CASE WHEN NEW.progress_pct > 0 THEN acting_user() END;
            NEW.progress_reported_at := CASE WHEN NEW.progress_pct > 0 THEN now() END;
        END IF;
    ELSIF NEW.progress_pct IS DISTINCT FROM OLD.progress_pct THEN
        NEW.progress_reported_by := acting_user();
        NEW.progress_reported_at := now();
    ELSE
        NEW.progress_reported_by := OLD.progress_reported_by;
        NEW.progress_reported_at := OLD.progress_reported_at;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER project_progress_report BEFORE INSERT OR UPDATE ON project
    FOR EACH ROW EXECUTE FUNCTION stamp_progress_report();

-- A project's progress and how it was measured. A completed project is 100 %, as recorded by
-- whoever completed it, on the day it ended. Otherwise the project's chosen method, or by default the first that has
-- something to measure: a reported figure, milestones done, the linked assets against the
-- target, investment done against planned. pct is NULL (never a silent 0) when the method has
-- nothing to measure.
CREATE FUNCTION project_progress(p_id bigint)
    RETURNS TABLE (pct numeric, method text, reported_by text, reported_at timestamptz)
    STABLE LANGUAGE plpgsql AS $$
DECLARE
    p project;
    chosen text;
    milestones bigint;
    done bigint;
BEGIN
    SELECT * INTO p FROM project WHERE id = p_id;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF p.status = 'completed' THEN
        RETURN QUERY SELECT 100::numeric, 'completed'::text, c.changed_by,
                            COALESCE(p.actual_end::timestamp AT TIME ZONE 'Asia/Shanghai', c.changed_at)
                     FROM (SELECT NULL) x
                     LEFT JOIN LATERAL (SELECT changed_by, changed_at FROM project_status_change
                                        WHERE project_id = p_id AND to_status = 'completed'
                                        ORDER BY id DESC LIMIT 1) c ON true;
        RETURN;
    END IF;
    SELECT count(*), count(done_on) INTO milestones, done FROM project_milestone WHERE project_id = p_id;
    chosen := COALESCE(p.progress_method,
        CASE WHEN p.progress_reported_at IS NOT NULL THEN 'reported'
             WHEN milestones > 0 THEN 'milestones'
             WHEN p.target_measure <> 'manual' AND p.target_value > 0
                  AND EXISTS (SELECT 1 FROM project_asset WHERE project_id = p_id) THEN 'assets'
             ELSE 'investment' END);
    method := chosen;
    IF chosen = 'reported' THEN
        IF p.progress_reported_at IS NOT NULL THEN
            pct := p.progress_pct;
            reported_by := p.progress_reported_by;
            reported_at := p.progress_reported_at;
        END IF;
    ELSIF chosen = 'milestones' THEN
        pct := CASE WHEN milestones > 0 THEN round(done * 100.0 / milestones, 1) END;
    ELSIF chosen = 'assets' THEN
        pct := CASE WHEN p.target_measure <> 'manual' AND p.target_value > 0
                    THEN least(100, round(project_measured(p_id, p.target_measure) * 100 / p.target_value, 1)) END;
    ELSE
        pct := CASE WHEN p.investment_planned > 0
                    THEN least(100, round(COALESCE(p.investment_done, 0) * 100 / p.investment_planned, 1)) END;
    END IF;
    RETURN NEXT;
END
$$;
