-- project_progress (V35) as it was, but a completed project's end day begins at midnight in the county's
-- time zone (county_time_zone(), V55) rather than in one written into the function.

CREATE OR REPLACE FUNCTION project_progress(p_id bigint)
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
                            COALESCE(p.actual_end::timestamp AT TIME ZONE county_time_zone(), c.changed_at)
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
