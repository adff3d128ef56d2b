-- Key rotation finds the rows still wrapped under an old KEK version, batch by batch, and counts
-- the rows under each version before one is destroyed: both look rows up by their KEK.

CREATE INDEX contributor_voice_keys_by_kek ON contributor_voice_keys (kek, pseudonym);
CREATE INDEX contributor_identities_by_kek ON contributor_identities (kek, pseudonym);
