-- An import that adds features writes ONE audit record for its batch instead of one per feature:
-- the record (action 'import', no feature) names the table import_audit.batch_<record id>, which
-- keeps every row as the import wrote it. A feature's history reads its imported state from there
-- (import_image), so the history page and restore work per feature as before, while the commit
-- writes no JSON row image per feature (to_jsonb with the geometry was half of a large import).
CREATE SCHEMA import_audit;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ALTER COLUMN feature_id DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'delete', 'import') AND (action = 'import') = (feature_id IS NULL));

-- A feature's row in a batch table as a JSON image like the audit trigger's; NULL when the batch did not write it.
CREATE FUNCTION import_image(batch text, feature bigint) RETURNS jsonb STABLE LANGUAGE plpgsql AS $$
DECLARE
    rows regclass := to_regclass(batch);
    image jsonb;
BEGIN
    IF rows IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT to_jsonb(r) FROM %s r WHERE id = $1', rows) INTO image USING feature;
    RETURN image;
END
$$;
