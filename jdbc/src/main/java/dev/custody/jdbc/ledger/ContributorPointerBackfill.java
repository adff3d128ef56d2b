package dev.custody.jdbc.ledger;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.LedgerStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Gives the entries appended before contributor pointers existed their pointers, one page per
 * transaction, from where the last page stopped up to the log's size when the pointers were
 * introduced. Entries appended since got theirs when they were appended.
 */
final class ContributorPointerBackfill {
    private ContributorPointerBackfill() {}

    /** Does one page; returns whether pages remain. */
    static boolean page(Handle handle, boolean lockRow, int pageSize, Pointer pointer) {
        Optional<Range> pending = handle.createQuery(
                        "SELECT next_idx, upto FROM ledger_contributor_backfill WHERE id = 1"
                                + (lockRow ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> new Range(rs.getLong("next_idx"), rs.getLong("upto")))
                .findOne();
        if (pending.isEmpty()) {
            return false;
        }
        long from = pending.get().next();
        long to = Math.min(pending.get().upto(), from + pageSize);
        handle.createQuery("SELECT idx, entry FROM ledger_entry WHERE idx >= :from AND idx < :to ORDER BY idx")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new LedgerStore.StoredEntry(rs.getLong("idx"), Bytes.copyOf(rs.getBytes("entry"))))
                .list()
                .forEach(stored -> point(stored, pointer));
        if (to >= pending.get().upto()) {
            handle.execute("DELETE FROM ledger_contributor_backfill WHERE id = 1");
            return false;
        }
        handle.execute("UPDATE ledger_contributor_backfill SET next_idx = ? WHERE id = 1", to);
        return true;
    }

    private static void point(LedgerStore.StoredEntry stored, Pointer pointer) {
        LedgerEntry entry;
        try {
            entry = LedgerEntryCodec.decode(stored.bytes());
        } catch (CustodyException e) {
            // A damaged entry names no one reliably; the log's verifier reports it.
            return;
        }
        List<String> named = entry.contributors();
        if (entry.index() == stored.index()
                && !named.isEmpty()
                && named.stream().allMatch(ContributorPointerBackfill::isPseudonym)) {
            pointer.point(entry.index(), named);
        }
    }

    private static boolean isPseudonym(String value) {
        try {
            new Pseudonym(value);
            return true;
        } catch (CustodyException e) {
            return false;
        }
    }

    /** Writes, the store's way, that entry {@code index} names these contributors. */
    @FunctionalInterface
    interface Pointer {
        void point(long index, List<String> contributors);
    }

    private record Range(long next, long upto) {}
}
