-- Each grant's append-only revocation feed: the delivered keys its buyer must delete, in sequence,
-- and when the buyer acknowledged each deletion.
CREATE TABLE grant_revocations (
    grant_id        TEXT   NOT NULL REFERENCES grants (id),
    seq             BIGINT NOT NULL,
    clip_id         TEXT   NOT NULL,
    sample_key      TEXT   NOT NULL,
    reason          TEXT   NOT NULL,
    revoked_at      BIGINT NOT NULL,
    acknowledged_at BIGINT,
    PRIMARY KEY (grant_id, seq),
    UNIQUE (grant_id, clip_id)
);

CREATE INDEX grant_revocations_unacknowledged ON grant_revocations (acknowledged_at, revoked_at);
