-- Enterprises (企业) served by the commerce bureau: the county's industrial chains ("3+5" clusters, 链长制),
-- service officers (企业服务官), contacts, visits (走访) with the problems raised, and the 停减产 watch list.

-- Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of 0-9 and A-Y without I, O, S, V, Z;
-- the 18th is the check character: 31 − (Σ value(cᵢ) × 3^(i−1) mod 31) mod 31, the powers of 3 taken mod 31.
CREATE FUNCTION credit_code_valid(code text) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights constant integer[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    total integer := 0;
BEGIN
    IF code IS NULL OR code !~ '^[0-9A-HJ-NP-RTUWXY]{18}$' THEN
        RETURN false;
    END IF;
    FOR i IN 1..17 LOOP
        total := total + (strpos(alphabet, substr(code, i, 1)) - 1) * weights[i];
    END LOOP;
    RETURN substr(alphabet, (31 - total % 31) % 31 + 1, 1) = substr(code, 18, 1);
END
$$;

-- The county's industrial chains; cluster 'leading' for the 3, 'emerging' for the 5. The chain leader (链长) is a
-- county leader in charge of the whole chain.
CREATE TABLE industrial_chain (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh      text NOT NULL,
    name_en      text NOT NULL,
    cluster      text NOT NULL CHECK (cluster IN ('leading', 'emerging')),
    chain_leader text,
    sort_order   integer NOT NULL DEFAULT 0
);
INSERT INTO industrial_chain (code, name_zh, name_en, cluster, chain_leader, sort_order) VALUES
    ('new_materials',    '新材料',     'New materials',               'leading',  '县长', 10),
    ('green_food',       '绿色食品',   'Green food processing',       'leading',  '常务副县长', 20),
    ('equipment',        '装备制造',   'Equipment manufacturing',     'leading',  '分管工业副县长', 30),
    ('electronics',      '电子信息',   'Electronics and information', 'emerging', '分管科技副县长', 40),
    ('biomedicine',      '生物医药',   'Biomedicine',                 'emerging', '分管卫健副县长', 50),
    ('textiles',         '纺织服装',   'Textiles and garments',       'emerging', '分管商务副县长', 60),
    ('new_energy',       '新能源',     'New energy',                  'emerging', '分管发改副县长', 70),
    ('modern_logistics', '现代物流',   'Modern logistics',            'emerging', '分管交通副县长', 80);

SELECT create_asset_table('enterprise', 'Point');
ALTER TABLE enterprise ALTER COLUMN department SET DEFAULT 'commerce';
ALTER TABLE enterprise
    ADD COLUMN credit_code       text UNIQUE CONSTRAINT enterprise_credit_code_check
                                 CHECK (credit_code IS NULL OR credit_code_valid(credit_code)),
    ADD COLUMN industry          text,
    ADD COLUMN chain             text REFERENCES industrial_chain (code),
    ADD COLUMN scale             text NOT NULL DEFAULT 'below' CHECK (scale IN ('above', 'below')),
    ADD COLUMN specialized       boolean NOT NULL DEFAULT false,
    ADD COLUMN high_tech         boolean NOT NULL DEFAULT false,
    ADD COLUMN foreign_trade     boolean NOT NULL DEFAULT false,
    ADD COLUMN production        text NOT NULL DEFAULT 'normal' CHECK (production IN ('normal', 'reduced', 'halted')),
    ADD COLUMN service_officer   text,
    ADD COLUMN employees         integer CHECK (employees >= 0);
CREATE INDEX enterprise_chain_idx ON enterprise (chain);

-- Personal data: kept out of the enterprise table, so neither OGC API, tiles, exports nor search can carry it;
-- read through /api/v1/enterprises/{id}/contacts by the commerce bureau and administrators only.
CREATE TABLE enterprise_contact (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id bigint NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (length(trim(name)) > 0),
    position      text,
    phone         text CHECK (phone ~ '^[0-9+() -]{5,20}$'),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_contact_enterprise_idx ON enterprise_contact (enterprise_id);

-- Visits (走访): who visited when, the problems raised and how they were followed up, as the river issues are:
-- reported → assigned → rectifying → rectified → closed (issue_transition_allowed, V7).
CREATE TABLE enterprise_visit (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id bigint NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
    visited_on    date NOT NULL,
    officer       text NOT NULL CHECK (length(trim(officer)) > 0),
    problems      text,
    status        text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'assigned', 'rectifying', 'rectified', 'closed')),
    follow_up     text,
    version       integer NOT NULL DEFAULT 0,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_visit_enterprise_idx ON enterprise_visit (enterprise_id, visited_on);

SELECT track_changes('enterprise');

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        temporal_end, sort_order, owner_department) VALUES
    ('enterprise', '企业', 'Enterprises', '企业：产业链、规上规下、专精特新、企业服务官', 'Enterprises with their industrial chain, scale, flags and service officer',
     'project', 'Point', NULL, NULL, 150, 'commerce');
