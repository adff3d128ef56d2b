-- Consent terms as versioned documents of their own, identified by the SHA-256 of their canonical
-- text; what each consent records with them: the hash consented to, the index of the ledger entry
-- that logged it (for its receipt), when it was withdrawn, and the name its contributor typed to
-- sign it, sealed under the IDENTITY KEK. Consents recorded before this version have none of these.

CREATE TABLE consent_terms (
    project_id   TEXT    NOT NULL REFERENCES projects (id),
    version      INTEGER NOT NULL,
    sha256       BYTEA   NOT NULL,
    document     TEXT    NOT NULL,
    published_at BIGINT  NOT NULL,
    PRIMARY KEY (project_id, version)
);

ALTER TABLE consents ADD COLUMN terms_sha256 BYTEA;
ALTER TABLE consents ADD COLUMN ledger_index BIGINT;
ALTER TABLE consents ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE consents ADD COLUMN signer_kek TEXT;
ALTER TABLE consents ADD COLUMN signer_name BYTEA;

-- Key rotation looks sealed signer names up by KEK, as it does identities.
CREATE INDEX consents_by_signer_kek ON consents (signer_kek, id);
