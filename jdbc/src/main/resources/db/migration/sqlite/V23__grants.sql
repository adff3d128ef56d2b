-- Data-use grants: one data-consumer account of an organization may receive a project's accepted
-- clips for the purposes named, until its expiry, within its budgets, under the buyer's commitments.
-- Its secret (for the keyed hashes of a delivery) is sealed under the IDENTITY KEK.

CREATE TABLE grants (
    id                    TEXT    NOT NULL PRIMARY KEY,
    organization_id       TEXT    NOT NULL REFERENCES organizations (id),
    project_id            TEXT    NOT NULL REFERENCES projects (id),
    consumer_id           TEXT    NOT NULL REFERENCES accounts (id),
    purposes              TEXT    NOT NULL,
    expires_at            BIGINT  NOT NULL,
    bytes_per_hour        BIGINT  NOT NULL,
    bytes_per_day         BIGINT  NOT NULL,
    bytes_total           BIGINT  NOT NULL,
    clips_per_hour        BIGINT  NOT NULL,
    clips_per_day         BIGINT  NOT NULL,
    clips_total           BIGINT  NOT NULL,
    delete_within_days    INTEGER NOT NULL,
    encryption_at_rest    INTEGER NOT NULL,
    no_reidentification   INTEGER NOT NULL,
    no_onward_transfer    INTEGER NOT NULL,
    state                 TEXT    NOT NULL,
    created_at            BIGINT  NOT NULL,
    secret_kek            TEXT    NOT NULL,
    secret                BLOB   NOT NULL
);

CREATE INDEX grants_by_organization ON grants (organization_id, created_at);
CREATE INDEX grants_by_consumer ON grants (consumer_id, created_at);

-- Which clip went to which grant: "who holds this clip" is one lookup of grant_deliveries_by_clip.
CREATE TABLE grant_deliveries (
    grant_id     TEXT   NOT NULL REFERENCES grants (id),
    clip_id      TEXT   NOT NULL REFERENCES clips (id),
    delivered_at BIGINT NOT NULL,
    PRIMARY KEY (grant_id, clip_id)
);

CREATE INDEX grant_deliveries_by_clip ON grant_deliveries (clip_id, grant_id);

-- A grant lists its project's accepted clips in id order.
CREATE INDEX clips_by_project_state_id ON clips (project_id, state, id);
