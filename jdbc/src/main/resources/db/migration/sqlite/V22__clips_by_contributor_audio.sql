-- Finds a contributor's live clip of the same audio (DUPLICATE_AUDIO) without reading their clips.
-- Not unique: clips stored before this check may repeat each other.
CREATE INDEX clips_by_contributor_audio ON clips (contributor, sha256, created_at, id) WHERE state <> 'ERASED';
