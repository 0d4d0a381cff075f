-- Every free text column of the registry has a maximum length, so that a form, an import or psql
-- cannot store a 1,000,000-character name. The limits are served with each collection's queryables
-- (maxLength) and a refusal names the field. Codes and numbers 100 characters, names and short texts 200,
-- remarks, causes and descriptions 2,000. Columns with a list of allowed values are bounded by that list.
-- NOT VALID: rows already stored are not re-checked (an upgrade never fails on old data); every new or
-- changed row is.
DO $$
DECLARE
    c record;
    limit_chars integer;
BEGIN
    FOR c IN
        SELECT cols.table_name, cols.column_name
        FROM information_schema.columns cols
        JOIN collection ON collection.id = cols.table_name AND collection.kind = 'asset'
        WHERE cols.table_schema = current_schema() AND cols.data_type = 'text'
          AND cols.column_name NOT IN ('department', 'status', 'created_by', 'updated_by')
          AND NOT EXISTS (
              SELECT 1 FROM pg_constraint k
              JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
              WHERE k.conrelid = format('%I', cols.table_name)::regclass AND k.contype = 'c'
                AND cardinality(k.conkey) = 1 AND a.attname = cols.column_name
                AND pg_get_constraintdef(k.oid) LIKE '%= ANY (ARRAY[%')
    LOOP
        limit_chars := CASE
            WHEN c.column_name IN ('code', 'parcel_no', 'approval_no') THEN 100
            WHEN c.column_name IN ('remarks', 'idle_cause', 'improvement', 'target_description') THEN 2000
            ELSE 200 END;
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (char_length(%I) <= %s) NOT VALID',
                       c.table_name, c.table_name || '_' || c.column_name || '_length', c.column_name, limit_chars);
    END LOOP;
END $$;
