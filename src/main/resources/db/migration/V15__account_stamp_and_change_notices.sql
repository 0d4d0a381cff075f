-- Sessions follow the account. Every sign-in carries the account's security stamp; a change that
-- matters for signing in or for what the account may do moves the stamp on, whatever made it (the
-- API or psql), and every instance of Hetu is told at once through NOTIFY, so caches are forgotten.
ALTER TABLE account ADD COLUMN security_stamp bigint NOT NULL DEFAULT 0;

CREATE FUNCTION account_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.security_stamp := OLD.security_stamp
        + CASE WHEN (NEW.username, NEW.password_hash, NEW.roles, NEW.department, NEW.enabled)
                    IS DISTINCT FROM (OLD.username, OLD.password_hash, OLD.roles, OLD.department, OLD.enabled)
               THEN 1 ELSE 0 END;
    RETURN NEW;
END
$$;
CREATE TRIGGER account_stamp BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION account_stamp();

-- The payload is the account's id (the column named by the trigger's argument): instances forget
-- what they cached about that account and its tokens.
CREATE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hetu_account', CASE TG_OP WHEN 'INSERT' THEN to_jsonb(NEW) ELSE to_jsonb(OLD) END ->> TG_ARGV[0]);
    RETURN NULL;
END
$$;
CREATE TRIGGER account_notify AFTER INSERT OR UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION notify_account_change('id');
-- Not on last_used_at, which every token check writes.
CREATE TRIGGER api_token_notify AFTER UPDATE OF revoked_at, expires_at OR DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION notify_account_change('account_id');

-- The catalogue (collections, anonymous reading) is held in memory by every instance.
CREATE FUNCTION notify_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hetu_catalog', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER collection_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON collection
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_change();

-- User names are unique whatever their case. Older accounts that clash keep working under their
-- name with the id appended (the administrator tells the person).
UPDATE account a SET username = left(a.username, 50) || '-' || a.id
WHERE EXISTS (SELECT 1 FROM account b WHERE lower(b.username) = lower(a.username) AND b.id < a.id);
CREATE UNIQUE INDEX account_username_lower_key ON account (lower(username));

-- Display names are titles as people write them, 自然资源和规划局国土空间规划股李四 and longer, up to 100 characters.
ALTER TABLE account ADD CONSTRAINT account_display_name_length CHECK (char_length(display_name) <= 100) NOT VALID;

-- The session's principal is the user name; a text column takes whatever a future name scheme needs.
ALTER TABLE spring_session ALTER COLUMN principal_name TYPE text;
