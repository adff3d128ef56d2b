-- The idempotency keys of uploads (the Idempotency-Key header), per sender: the sender as the
-- ledger names it (a pseudonym, or an account id for other roles; never a credential), the SHA-256
-- of the request the key came with, and the clip and consent terms version that answer a retry.
-- Written in the transaction that records the clip; forgotten once expired (24 hours).
CREATE TABLE upload_keys (
    principal             TEXT    NOT NULL,
    idempotency_key       TEXT    NOT NULL,
    request_sha256        BLOB    NOT NULL,
    clip_id               TEXT    NOT NULL,
    consent_terms_version INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX upload_keys_by_expiry ON upload_keys (expires_at);
