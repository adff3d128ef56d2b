-- What a project commissions (language, counts, exact pay in minor units), the purposes its
-- recordings may or may not serve, each clip's key header, and the sealed link from a contributor's
-- account to their pseudonym. Projects made before this version get neutral values.

ALTER TABLE projects ADD COLUMN language TEXT NOT NULL DEFAULT 'und';
ALTER TABLE projects ADD COLUMN target_clips INTEGER NOT NULL DEFAULT 1000;
ALTER TABLE projects ADD COLUMN clips_per_prompt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN review_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN pay_minor_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN pay_currency TEXT NOT NULL DEFAULT 'EUR';

CREATE TABLE project_purposes (
    project_id TEXT    NOT NULL REFERENCES projects (id),
    purpose    TEXT    NOT NULL,
    allowed    INTEGER NOT NULL,
    PRIMARY KEY (project_id, purpose)
);

INSERT INTO project_purposes (project_id, purpose, allowed) SELECT id, 'evaluation', 1 FROM projects;

-- The 40-byte header of the clip's ciphertext (Tink: header length, 32-byte HKDF salt, nonce
-- prefix). It is kept here and never in the blob: the clip key derives from the contributor's key
-- AND this salt, so deleting the header alone erases one clip, even from copied ciphertext.
ALTER TABLE clips ADD COLUMN key_header BLOB;

-- A contributor account's pseudonym, wrapped under the IDENTITY KEK with the account id as
-- associated data, so the accounts table alone does not link a person to their recordings.
ALTER TABLE accounts ADD COLUMN contributor_kek TEXT;
ALTER TABLE accounts ADD COLUMN contributor_link BLOB;
