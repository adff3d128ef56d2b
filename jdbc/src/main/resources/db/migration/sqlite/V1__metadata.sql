-- Metadata of organizations, projects, contributors, consents and clips.
-- Times are epoch milliseconds and durations milliseconds, so SQLite and PostgreSQL agree.
-- Identities and voice keys live in tables of their own: the voice tables hold only pseudonyms.

CREATE TABLE organizations (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE projects (
    id                    TEXT    NOT NULL PRIMARY KEY,
    organization_id       TEXT    NOT NULL REFERENCES organizations (id),
    name                  TEXT    NOT NULL,
    consent_terms_version INTEGER NOT NULL,
    retention_ms          INTEGER NOT NULL,
    min_sample_rate       INTEGER NOT NULL,
    max_sample_rate       INTEGER NOT NULL,
    min_duration_ms       INTEGER NOT NULL,
    max_duration_ms       INTEGER NOT NULL,
    max_upload_bytes      INTEGER NOT NULL,
    max_clipping_ratio    REAL    NOT NULL,
    min_rms_dbfs          REAL    NOT NULL,
    max_silence_ratio     REAL    NOT NULL,
    min_snr_db            REAL    NOT NULL,
    created_at            INTEGER NOT NULL
);

CREATE INDEX projects_by_organization ON projects (organization_id);

CREATE TABLE project_prompts (
    project_id TEXT    NOT NULL REFERENCES projects (id),
    idx        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    PRIMARY KEY (project_id, idx)
);

CREATE TABLE contributors (
    pseudonym  TEXT    NOT NULL PRIMARY KEY,
    state      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    erased_at  INTEGER
);

CREATE TABLE contributor_identities (
    pseudonym TEXT NOT NULL PRIMARY KEY REFERENCES contributors (pseudonym),
    kek       TEXT NOT NULL,
    name_ct   BLOB NOT NULL,
    email_ct  BLOB NOT NULL
);

CREATE TABLE contributor_voice_keys (
    pseudonym TEXT NOT NULL PRIMARY KEY REFERENCES contributors (pseudonym),
    kek       TEXT NOT NULL,
    wrapped   BLOB NOT NULL
);

CREATE TABLE consents (
    id            TEXT    NOT NULL PRIMARY KEY,
    contributor   TEXT    NOT NULL REFERENCES contributors (pseudonym),
    project_id    TEXT    NOT NULL REFERENCES projects (id),
    terms_version INTEGER NOT NULL,
    given_at      INTEGER NOT NULL
);

CREATE INDEX consents_by_contributor_project ON consents (contributor, project_id, given_at);

CREATE TABLE clips (
    id             TEXT    NOT NULL PRIMARY KEY,
    project_id     TEXT    NOT NULL REFERENCES projects (id),
    contributor    TEXT    NOT NULL REFERENCES contributors (pseudonym),
    prompt_index   INTEGER NOT NULL,
    container      TEXT    NOT NULL,
    encoding       TEXT    NOT NULL,
    sample_rate    INTEGER NOT NULL,
    channels       INTEGER NOT NULL,
    frames         INTEGER NOT NULL,
    original_bytes INTEGER NOT NULL,
    sha256         BLOB    NOT NULL,
    clipping_ratio REAL    NOT NULL,
    rms_dbfs       REAL    NOT NULL,
    silence_ratio  REAL    NOT NULL,
    snr_db         REAL    NOT NULL,
    state          TEXT    NOT NULL,
    blob_id        TEXT    NOT NULL UNIQUE,
    created_at     INTEGER NOT NULL
);

CREATE INDEX clips_by_contributor ON clips (contributor, created_at);
CREATE INDEX clips_by_project ON clips (project_id, created_at);

CREATE TABLE blob_deletions (
    blob_id   TEXT    NOT NULL PRIMARY KEY,
    queued_at INTEGER NOT NULL
);

CREATE INDEX blob_deletions_by_queued_at ON blob_deletions (queued_at);

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
