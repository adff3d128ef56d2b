-- Contributors erased whose clips the background pass has not yet all marked erased. An erasure
-- is acknowledged once the contributor's key is gone (their clips read ERASED from then on, derived
-- from the contributor's state); marking each clip, deleting its key header and queueing its blob
-- follow in batches, resumed from this table after a crash.
CREATE TABLE clip_erasures_pending (
    pseudonym TEXT    NOT NULL PRIMARY KEY REFERENCES contributors (pseudonym),
    queued_at INTEGER NOT NULL
);
