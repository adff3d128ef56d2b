-- Principals suspended by the egress guard (a canary touched, a rate anomaly): the account is
-- disabled and its tokens revoked until a security officer lifts the suspension.
CREATE TABLE suspensions (
    id           TEXT   NOT NULL PRIMARY KEY,
    principal_id TEXT   NOT NULL,
    cause        TEXT   NOT NULL,
    suspended_at BIGINT NOT NULL,
    lifted_at    BIGINT,
    lifted_by    TEXT
);

CREATE INDEX suspensions_by_principal ON suspensions (principal_id, suspended_at);

-- Decoy clips: listed like any clip, opened by no legitimate workflow.
CREATE TABLE canary_clips (
    clip_id TEXT NOT NULL PRIMARY KEY REFERENCES clips (id)
);
