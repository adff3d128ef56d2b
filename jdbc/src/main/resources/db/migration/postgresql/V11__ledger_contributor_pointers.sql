-- Where in the ledger each contributor is named: one pointer row per (pseudonym, entry), written in
-- the transaction that appends the entry, so a contributor's history (every opening of their clips,
-- their consents, their erasure) is found without scanning the log. The entries stay the record:
-- history is read by decoding the entries pointed to. No foreign key to ledger_entry: appending is
-- the ledger's hottest path, and the entry is inserted by the same statement sequence just before.
-- Rows are only ever added.
CREATE TABLE ledger_contributor_entry (
    pseudonym TEXT   NOT NULL,
    idx       BIGINT NOT NULL CHECK (idx >= 0),
    PRIMARY KEY (pseudonym, idx)
);

-- Entries appended before this version get their pointers from a backfill that runs when the
-- database is opened, page by page from next_idx up to the log's size at this migration; the row
-- is deleted when it is done. A new, empty log needs none. Nodes starting together take turns on
-- the row's lock.
CREATE TABLE ledger_contributor_backfill (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    next_idx BIGINT NOT NULL CHECK (next_idx >= 0),
    upto     BIGINT NOT NULL CHECK (upto >= next_idx)
);
INSERT INTO ledger_contributor_backfill (id, next_idx, upto) SELECT 1, 0, size FROM ledger_head WHERE size > 0;
