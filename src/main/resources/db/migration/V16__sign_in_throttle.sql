-- Failed sign-ins, counted per account, per client address and per account from one address, shared
-- by every instance. After a few failures in a row the key is locked for a time that doubles with each
-- further failure, up to a cap; a success clears the account's counts; a quiet day forgets the rest.
CREATE TABLE sign_in_throttle (
    key             text PRIMARY KEY,
    failures        integer NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

-- The security audit of signing in: every failed attempt and every lock, with the client's address.
CREATE TABLE sign_in_audit (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    username       text NOT NULL,
    client_address text NOT NULL,
    event          text NOT NULL CHECK (event IN ('failed', 'locked')),
    locked_until   timestamptz
);
CREATE INDEX sign_in_audit_username_idx ON sign_in_audit (username, at);
CREATE INDEX sign_in_audit_address_idx ON sign_in_audit (client_address, at);
