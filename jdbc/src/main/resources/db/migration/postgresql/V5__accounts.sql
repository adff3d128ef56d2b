-- Accounts and their bearer tokens. Passwords are Argon2id hashes in PHC format (parameters
-- included); TOTP secrets are wrapped under the IDENTITY KEK; tokens are stored as the SHA-256 of
-- their secret only. Usernames are unique; a token is looked up by its hash on every request.

CREATE TABLE accounts (
    id              TEXT    NOT NULL PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    role            TEXT    NOT NULL,
    organization_id TEXT    REFERENCES organizations (id),
    password_hash   TEXT    NOT NULL,
    totp_kek        TEXT,
    totp_secret     BYTEA,
    failed_attempts INTEGER NOT NULL,
    locked_until    BIGINT,
    last_totp_step  BIGINT  NOT NULL,
    disabled        INTEGER NOT NULL,
    created_at      BIGINT  NOT NULL
);

CREATE TABLE access_tokens (
    id              TEXT    NOT NULL PRIMARY KEY,
    secret_sha256   BYTEA   NOT NULL UNIQUE,
    principal_id    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    organization_id TEXT    REFERENCES organizations (id),
    kind            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    last_used_at    BIGINT  NOT NULL,
    revoked_at      BIGINT
);

CREATE INDEX access_tokens_by_principal ON access_tokens (principal_id, created_at);
