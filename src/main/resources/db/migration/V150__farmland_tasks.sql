-- Farmland protection tasks handed down to each town (耕地保护任务分解下达): per town and year the area of
-- permanent basic farmland and of cultivated land the town must hold, in 亩 as the tasks are written. The
-- area held is not stored: it is computed from the control lines (their current edition) by town.
CREATE TABLE farmland_task (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year                 integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    town                 text NOT NULL CHECK (length(trim(town)) BETWEEN 1 AND 100),
    farmland_target_mu   numeric(14, 2) NOT NULL CHECK (farmland_target_mu >= 0),
    cultivated_target_mu numeric(14, 2) NOT NULL CHECK (cultivated_target_mu >= 0),
    note                 text CHECK (length(note) <= 2000),
    version              integer NOT NULL DEFAULT 0,
    updated_by           text NOT NULL DEFAULT acting_user(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (year, town)
);
CREATE TRIGGER farmland_task_audit AFTER INSERT OR UPDATE OR DELETE ON farmland_task
    FOR EACH ROW EXECUTE FUNCTION audit_change();

-- The signed responsibility letters (耕地保护目标责任书) of a town's task: scanned PDFs or photos. The
-- content lies in its own table, out of the audit images.
CREATE TABLE farmland_letter (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id      bigint NOT NULL REFERENCES farmland_task (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    content_type text NOT NULL,
    size_bytes   integer NOT NULL,
    uploaded_by  text NOT NULL DEFAULT acting_user(),
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX farmland_letter_task_idx ON farmland_letter (task_id, id);
CREATE TRIGGER farmland_letter_audit AFTER INSERT OR UPDATE OR DELETE ON farmland_letter
    FOR EACH ROW EXECUTE FUNCTION audit_change();

CREATE TABLE farmland_letter_file (
    letter_id bigint PRIMARY KEY REFERENCES farmland_letter (id) ON DELETE CASCADE,
    content   bytea NOT NULL
);

-- The towns' held areas are sums over the control lines by town.
CREATE INDEX basic_farmland_town_idx ON basic_farmland (town);
CREATE INDEX cultivated_land_town_idx ON cultivated_land (town);
CREATE INDEX control_archive_town_idx ON control_archive (layer, edition, town);
