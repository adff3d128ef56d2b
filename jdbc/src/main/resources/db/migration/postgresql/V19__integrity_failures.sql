-- Where in the ledger each integrity failure (an IntegrityFailed entry) is, written in the
-- transaction that appends the entry, so the security officer's list is read newest first without
-- scanning the log. The entries stay the record: the list decodes the entries pointed to and checks
-- that each is an integrity failure. Rows are only ever added.
CREATE TABLE integrity_failure_entry (
    idx BIGINT PRIMARY KEY CHECK (idx >= 0)
);
