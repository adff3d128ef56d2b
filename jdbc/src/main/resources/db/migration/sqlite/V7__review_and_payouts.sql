-- Human review and the payout ledger. Reviewers are assigned to projects; a reviewer's listens and
-- verdicts are kept per clip (one verdict per reviewer and clip). The free-text note of a verdict
-- lives here and never in the ledger. Credits are exact: minor units and an ISO 4217 code, one per
-- accepted clip, gathered into batches that an operator marks paid.

CREATE TABLE review_assignments (
    project_id  TEXT    NOT NULL REFERENCES projects (id),
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    assigned_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, account_id)
);

CREATE INDEX review_assignments_by_account ON review_assignments (account_id, project_id);

CREATE TABLE review_listens (
    clip_id     TEXT    NOT NULL REFERENCES clips (id),
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    listened_at INTEGER NOT NULL,
    PRIMARY KEY (clip_id, account_id)
);

CREATE TABLE reviews (
    clip_id     TEXT    NOT NULL REFERENCES clips (id),
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    verdict     TEXT    NOT NULL,
    reason      TEXT,
    note        TEXT,
    reviewed_at INTEGER NOT NULL,
    PRIMARY KEY (clip_id, account_id)
);

CREATE TABLE payout_batches (
    id         TEXT    NOT NULL PRIMARY KEY,
    state      TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    paid_at    INTEGER
);

CREATE TABLE payout_credits (
    clip_id     TEXT    NOT NULL PRIMARY KEY REFERENCES clips (id),
    contributor TEXT    NOT NULL REFERENCES contributors (pseudonym),
    project_id  TEXT    NOT NULL REFERENCES projects (id),
    minor_units INTEGER NOT NULL,
    currency    TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    batch_id    TEXT    REFERENCES payout_batches (id),
    credited_at INTEGER NOT NULL
);

CREATE INDEX payout_credits_by_contributor ON payout_credits (contributor, credited_at);
CREATE INDEX payout_credits_by_batch ON payout_credits (batch_id, contributor);
