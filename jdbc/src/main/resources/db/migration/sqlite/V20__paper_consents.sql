-- A consent collected outside Custody on a signed paper form, recorded by staff: the SHA-256 of the
-- scanned form, its evidence, which also marks the consent as recorded by staff wherever it shows.
-- Null for a consent the contributor gave themselves. The witness's name is sealed in signer_name,
-- where a contributor's own consent keeps the name they typed: the same IDENTITY KEK, rewrapped on
-- rotation and deleted on erasure alike.
ALTER TABLE consents ADD COLUMN paper_form_sha256 BLOB;
