-- The index of the ledger entry that logged each clip's ingest, so that its receipt can be rebuilt
-- from that entry without searching the contributor's history. Empty for clips stored before.
ALTER TABLE clips ADD COLUMN ingest_entry INTEGER;
