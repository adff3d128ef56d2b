-- The ledger's two lookups, by leaf hash and by contributor, move from B-tree indexes to one
-- FTS5 inverted index. Both keys are random, so each B-tree insert dirtied its own page, and at
-- group commit those pages (written to the WAL, then checkpointed) bounded durable appends at
-- about half the rate of the log itself. FTS5 writes each commit's keys as a new sorted segment
-- and merges segments in the background of later writes: sequential pages, a few per commit.
--
-- One row per entry, rowid = the entry's index, its text the entry's keys (see JdbcLedgerStore):
--   h<16 hex digits>  the first 8 bytes of the leaf hash (a lookup then compares the full hash);
--   ctb<26 base32>    each contributor pseudonym the entry names, without its underscore.
-- Contentless (the entries stay the record), without positions or sizes (only membership is asked).
CREATE VIRTUAL TABLE ledger_lookup USING fts5(
    keys,
    content = '',
    detail = none,
    columnsize = 0,
    tokenize = 'ascii'
);

INSERT INTO ledger_lookup (rowid, keys)
SELECT e.idx, 'h' || lower(hex(substr(e.leaf_hash, 1, 8))) || coalesce(' ' || p.names, '')
FROM ledger_entry e
LEFT JOIN (
    SELECT idx, group_concat(replace(pseudonym, '_', ''), ' ') AS names
    FROM ledger_contributor_entry
    GROUP BY idx
) p ON p.idx = e.idx;

DROP INDEX ledger_entry_leaf_hash;
DROP TABLE ledger_contributor_entry;
