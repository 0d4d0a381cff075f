-- Investment projects (招商项目) of the commerce bureau and their pipeline:
-- lead 线索 → negotiating 在谈 → signed 签约 → landed 落地 → started 开工 → producing 投产.
-- Every project has a point on the map: its site once it has one, before that the place it is courted for.

SELECT create_asset_table('investment_project', 'Point');
ALTER TABLE investment_project ALTER COLUMN department SET DEFAULT 'commerce';

CREATE FUNCTION investment_stage_rank(stage text) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
    SELECT array_position(ARRAY['lead', 'negotiating', 'signed', 'landed', 'started', 'producing'], stage)
$$;

-- Amounts are in 万元 (10 000 CNY). 500 亿元 is above any county project: such a figure was typed in 元.
ALTER TABLE investment_project
    ADD COLUMN stage            text NOT NULL DEFAULT 'lead' CHECK (investment_stage_rank(stage) IS NOT NULL),
    ADD COLUMN investor         text NOT NULL CHECK (length(trim(investor)) > 0),
    ADD COLUMN amount_wan       numeric(14, 2) CONSTRAINT investment_project_amount_wan_check
                                CHECK (amount_wan > 0 AND amount_wan < 5000000),
    ADD COLUMN industry         text,
    ADD COLUMN chain            text,
    ADD COLUMN source           text CHECK (source IN ('yangtze_delta', 'greater_bay', 'beijing_tianjin_hebei', 'in_province',
                                                       'local', 'overseas', 'other')),
    ADD COLUMN land_area_min_m2 double precision CHECK (land_area_min_m2 > 0),
    ADD COLUMN land_area_max_m2 double precision CHECK (land_area_max_m2 > 0),
    ADD COLUMN land_use         text,
    ADD COLUMN preferred_town   text,
    ADD COLUMN person_in_charge text,
    ADD COLUMN stage_changed_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN key_project_id   bigint UNIQUE REFERENCES project (id) ON DELETE SET NULL,
    ADD COLUMN parcel_id        bigint UNIQUE REFERENCES land_parcel (id) ON DELETE SET NULL,
    ADD CONSTRAINT investment_project_land_area_check
        CHECK (land_area_max_m2 IS NULL OR land_area_min_m2 IS NULL OR land_area_max_m2 >= land_area_min_m2);
CREATE INDEX investment_project_stage_idx ON investment_project (stage);

CREATE TABLE investment_step (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    investment_id bigint NOT NULL REFERENCES investment_project (id) ON DELETE CASCADE,
    from_stage    text,
    to_stage      text NOT NULL,
    reason        text,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_step_investment_idx ON investment_step (investment_id, id);

-- Holds on every way a project is written (API, OGC API, imports): one step forward is free; a skipped
-- step or a step back needs a reason (hetu.reason). Every change is recorded with who and why.
CREATE FUNCTION check_investment_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.stage = OLD.stage THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND investment_stage_rank(NEW.stage) <> investment_stage_rank(OLD.stage) + 1
       AND NULLIF(trim(current_setting('hetu.reason', true)), '') IS NULL THEN
        RAISE EXCEPTION '从“%”到“%”跳过或退回了阶段，须说明理由 / going from % to % skips a stage or goes back: give a reason',
            OLD.stage, NEW.stage, OLD.stage, NEW.stage
            USING ERRCODE = 'check_violation', CONSTRAINT = 'investment_project_stage_step';
    END IF;
    NEW.stage_changed_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER investment_project_stage BEFORE INSERT OR UPDATE OF stage ON investment_project
    FOR EACH ROW EXECUTE FUNCTION check_investment_stage();

CREATE FUNCTION record_investment_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.stage = OLD.stage THEN
        RETURN NULL;
    END IF;
    INSERT INTO investment_step (investment_id, from_stage, to_stage, reason, changed_by)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.stage END, NEW.stage,
            NULLIF(trim(current_setting('hetu.reason', true)), ''), acting_user());
    RETURN NULL;
END
$$;
CREATE TRIGGER investment_project_step AFTER INSERT OR UPDATE OF stage ON investment_project
    FOR EACH ROW EXECUTE FUNCTION record_investment_step();

SELECT track_changes('investment_project');

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        temporal_end, sort_order, owner_department) VALUES
    ('investment_project', '招商项目', 'Investment projects', '招商引资项目：线索、在谈、签约、落地、开工、投产',
     'Investment projects from first lead to production', 'project', 'Point', NULL, NULL, 140, 'commerce');
