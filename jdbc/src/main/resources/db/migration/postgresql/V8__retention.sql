-- Retention. Each clip's expiry (its creation time plus its project's retention) and each
-- contributor's last activity are stored and indexed, so the retention job reads only the rows that
-- are due, oldest first, instead of scanning 15 million clips on every run. Both indexes hold only
-- the rows still to be erased; the queries repeat their WHERE terms literally, so that the planner
-- can use them whatever the plan's parameters.

ALTER TABLE clips ADD COLUMN expires_at BIGINT;
UPDATE clips SET expires_at = clips.created_at + projects.retention_ms
    FROM projects WHERE projects.id = clips.project_id;
ALTER TABLE clips ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX clips_by_expiry ON clips (expires_at) WHERE state <> 'ERASED';

-- Activity: registration, consent and upload so far. Existing contributors start from the latest
-- of the three.
ALTER TABLE contributors ADD COLUMN last_active_at BIGINT;
UPDATE contributors SET last_active_at = GREATEST(
    created_at,
    (SELECT MAX(given_at) FROM consents WHERE consents.contributor = contributors.pseudonym),
    (SELECT MAX(created_at) FROM clips WHERE clips.contributor = contributors.pseudonym));
ALTER TABLE contributors ALTER COLUMN last_active_at SET NOT NULL;
CREATE INDEX contributors_by_last_activity ON contributors (last_active_at) WHERE state = 'ACTIVE';

-- The records-of-processing report counts a project's clips by state and its consenting
-- contributors from these, without reading the clip rows.
CREATE INDEX clips_by_project_state ON clips (project_id, state);
CREATE INDEX consents_by_project ON consents (project_id, contributor);
