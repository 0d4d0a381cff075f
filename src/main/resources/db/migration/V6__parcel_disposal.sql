-- Idle and inefficient land: one disposal plan per parcel (一地一策), its progress notes, the
-- yearly baseline that the disposal rate is measured against, saved searches and yearly indicators.

ALTER TABLE land_parcel
    ADD COLUMN responsible_unit text,
    ADD COLUMN target_date      date;
CREATE INDEX land_parcel_idle_since_idx ON land_parcel (idle_since);
CREATE INDEX land_parcel_disposed_on_idx ON land_parcel (disposed_on);

-- pending → in_progress → disposed; a plan that stalls may go back to pending.
CREATE FUNCTION disposal_transition_allowed(from_status text, to_status text) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$
    SELECT from_status = to_status OR (from_status, to_status) IN (('pending', 'in_progress'), ('in_progress', 'disposed'),
                                                                   ('in_progress', 'pending'), ('pending', 'disposed'))
$$;

CREATE FUNCTION check_disposal_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT disposal_transition_allowed(OLD.disposal_status, NEW.disposal_status) THEN
        RAISE EXCEPTION 'disposal status cannot change from % to %', OLD.disposal_status, NEW.disposal_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'land_parcel_disposal_transition';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER land_parcel_disposal BEFORE UPDATE OF disposal_status ON land_parcel
    FOR EACH ROW EXECUTE FUNCTION check_disposal_status();

CREATE TABLE parcel_disposal_note (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parcel_id    bigint NOT NULL REFERENCES land_parcel (id) ON DELETE CASCADE,
    note         text NOT NULL CHECK (length(trim(note)) > 0),
    status_after text NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parcel_disposal_note_parcel_idx ON parcel_disposal_note (parcel_id, id);

-- The stock of a year: parcels approved before 1 January and not disposed before it, with their
-- area then. Frozen once written, so edits made later cannot move the denominator of the rate.
CREATE TABLE disposal_baseline (
    year      integer NOT NULL,
    parcel_id bigint NOT NULL,
    category  text NOT NULL,
    town      text,
    area_m2   double precision NOT NULL,
    PRIMARY KEY (year, parcel_id)
);

CREATE TABLE disposal_baseline_year (
    year      integer PRIMARY KEY,
    frozen_at timestamptz NOT NULL DEFAULT now(),
    parcels   integer NOT NULL,
    area_m2   double precision NOT NULL
);

CREATE TABLE saved_parcel_query (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (length(trim(name)) > 0),
    owner      text NOT NULL,
    query      jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Construction land per unit of GDP (亿元), entered yearly by the bureau.
CREATE TABLE land_indicator (
    year                  integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    gdp_100m_cny          numeric(14, 2) NOT NULL CHECK (gdp_100m_cny > 0),
    construction_land_ha  numeric(14, 2) NOT NULL CHECK (construction_land_ha > 0),
    updated_by            text NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
