-- An investment project's steps are its history, like its audit log: they outlive a deletion, so that undeleting
-- the project (which brings its row back under the same id) brings back its pipeline too. The project ids are an
-- identity column, never reused, so steps of a deleted project wait for it and belong to no other.
ALTER TABLE investment_step DROP CONSTRAINT investment_step_investment_id_fkey;

-- The row coming back is recorded as a step from the stage it had last to the stage it comes back with.
CREATE OR REPLACE FUNCTION record_investment_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_stage text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.stage = OLD.stage THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT to_stage INTO last_stage FROM investment_step WHERE investment_id = NEW.id ORDER BY changed_at DESC, id DESC LIMIT 1;
        IF FOUND THEN
            INSERT INTO investment_step (investment_id, from_stage, to_stage, reason, changed_by)
            VALUES (NEW.id, last_stage, NEW.stage, '撤销删除，恢复项目 / undeleted', acting_user());
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO investment_step (investment_id, from_stage, to_stage, reason, changed_by)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.stage END, NEW.stage,
            NULLIF(trim(current_setting('hetu.reason', true)), ''), acting_user());
    RETURN NULL;
END
$$;
