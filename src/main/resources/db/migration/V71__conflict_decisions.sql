-- What an editor decided when a save entered permanent basic farmland or the ecological red line: the
-- figures as the server computed them for the geometry being saved, the decision and why. A decision
-- about a feature not yet saved has no feature_id.
CREATE TABLE conflict_decision (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collection   text NOT NULL CHECK (collection IN ('project', 'land_parcel')),
    feature_id   bigint,
    decision     text NOT NULL CHECK (decision IN ('proceed', 'cancel')),
    reason       text CHECK (length(reason) <= 2000),
    conflicts    jsonb NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    decided_by   text NOT NULL DEFAULT acting_user(),
    CHECK (decision = 'cancel' OR length(trim(reason)) > 0)
);
CREATE INDEX conflict_decision_feature_idx ON conflict_decision (collection, feature_id, id);
