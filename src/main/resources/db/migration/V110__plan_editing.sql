-- Plans edited on their page: a task gets a version for concurrent edits, and a task's links to key
-- projects and assets are audited under the task (the link tables have no id of their own).

ALTER TABLE plan_task ADD COLUMN version integer NOT NULL DEFAULT 0;

CREATE FUNCTION audit_task_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('hetu.audit', true) = 'off' THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (username, collection, feature_id, action, before, after)
    VALUES (acting_user(), TG_TABLE_NAME,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.task_id ELSE NEW.task_id END,
            CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE 'delete' END,
            CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) END,
            CASE WHEN TG_OP = 'INSERT' THEN to_jsonb(NEW) END);
    RETURN NULL;
END
$$;

CREATE TRIGGER plan_task_project_audit AFTER INSERT OR DELETE ON plan_task_project FOR EACH ROW EXECUTE FUNCTION audit_task_link();
CREATE TRIGGER plan_task_asset_audit AFTER INSERT OR DELETE ON plan_task_asset FOR EACH ROW EXECUTE FUNCTION audit_task_link();
