package dev.custody.store;

import java.util.List;

/**
 * Where in the ledger each {@code IntegrityFailed} entry is: one pointer per entry, written in the
 * transaction that appends it, so the security officer's list of failures is found without scanning
 * the log. The entries stay the record: the list is read by decoding the entries pointed to.
 */
public interface IntegrityFailureRepository {
    /** Records that the ledger entry at {@code ledgerIndex} is an integrity failure. */
    void add(long ledgerIndex);

    /** Up to {@code limit} pointed-to indexes below {@code before}, newest first. */
    List<Long> before(long before, int limit);
}
