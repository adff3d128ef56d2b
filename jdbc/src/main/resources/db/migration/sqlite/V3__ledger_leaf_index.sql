-- Inclusion proofs by entry hash: a receipt or an auditor may know the entry, not its index.
CREATE INDEX ledger_entry_leaf_hash ON ledger_entry (leaf_hash);
