-- The verifiable ledger (see dev.custody.ledger.Ledger). Rows are only ever added, except the
-- single head row and the growing tail tile of each level.

-- The log's size. Writers are serialized by SQLite itself (transactions begin IMMEDIATE).
CREATE TABLE ledger_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL CHECK (size >= 0)
);
INSERT INTO ledger_head (id, size) VALUES (1, 0);

-- One row per entry; the index is the primary key, so a fork or a duplicate cannot be stored.
CREATE TABLE ledger_entry (
    idx       INTEGER PRIMARY KEY CHECK (idx >= 0),
    entry     BLOB NOT NULL CHECK (length(entry) > 0),
    leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32)
);

-- C2SP tlog-tiles from level 1 up: up to 256 concatenated 32-byte node hashes of height 8 * level.
CREATE TABLE ledger_tile (
    level  INTEGER NOT NULL CHECK (level >= 1),
    idx    INTEGER NOT NULL CHECK (idx >= 0),
    hashes BLOB NOT NULL CHECK (length(hashes) BETWEEN 32 AND 8192 AND length(hashes) % 32 = 0),
    PRIMARY KEY (level, idx)
);

-- Signed checkpoints, all kept. One per size: a second root for a size is a fork, and the
-- primary key refuses it.
CREATE TABLE ledger_checkpoint (
    size INTEGER PRIMARY KEY CHECK (size >= 0),
    note TEXT NOT NULL
);
