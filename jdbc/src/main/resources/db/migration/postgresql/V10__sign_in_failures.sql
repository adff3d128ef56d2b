-- Failed sign-ins per client address, in fixed windows, shared by every node on this database: the
-- throttle across accounts (password spraying). The address is stored as a labelled SHA-256 only,
-- and a window is deleted once it has ended.

CREATE TABLE sign_in_failures (
    address_sha256 BYTEA   NOT NULL PRIMARY KEY,
    window_start   BIGINT  NOT NULL,
    failures       INTEGER NOT NULL
);

CREATE INDEX sign_in_failures_by_start ON sign_in_failures (window_start);
