package dev.custody.store;

/**
 * Metadata (organizations, projects, contributors, consents, clips) in a transactional database.
 * Every change runs inside {@link #inTransaction}: it commits whole or not at all, and a commit is
 * durable when the call returns. Database failures surface as {@code STORAGE_UNAVAILABLE}.
 *
 * <p>A work may be run more than once (a store that commits concurrent transactions together
 * retries each alone when their group fails), so it must have no effect outside the transaction:
 * compute inside, act on the result after the call returns.
 */
public interface MetadataStore extends AutoCloseable {
    <T> T inTransaction(TransactionWork<T> work);

    /**
     * Runs work that only reads, on a consistent snapshot that includes every committed
     * transaction. It never waits for writers to commit; a write inside fails.
     */
    default <T> T inReadTransaction(TransactionWork<T> work) {
        return inTransaction(work);
    }

    /** {@link #inTransaction} for work with no result. */
    default void useTransaction(TransactionUse work) {
        inTransaction(repositories -> {
            work.run(repositories);
            return null;
        });
    }

    /** {@link #inReadTransaction} for work with no result. */
    default void useReadTransaction(TransactionUse work) {
        inReadTransaction(repositories -> {
            work.run(repositories);
            return null;
        });
    }

    /**
     * Makes every deletion committed so far unrecoverable from the store's own files, so that a
     * copy of them taken after this returns holds none of the deleted bytes. Erasures call it
     * before they are acknowledged; several erasures waiting at once share one call's work.
     *
     * <p>On SQLite, freed cells are zeroed as they are freed ({@code secure_delete}), and this
     * checkpoints the write-ahead log into the main file and truncates it, so no older version of
     * a page survives. On PostgreSQL nothing done per call would help (dead tuples wait for
     * vacuum, WAL segments for recycling, backups for their retention): there the rotation of the
     * KEKs bounds those copies, and this returns at once.
     *
     * @throws dev.custody.CustodyException STORAGE_UNAVAILABLE if a long read kept it from
     *     finishing within a bounded wait: the deletions stand, but the files may still hold their
     *     bytes until a later call succeeds
     */
    void purgeDeleted();

    @Override
    void close();

    /** Work done against the repositories of one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Repositories repositories);
    }

    /** Work with no result done against the repositories of one transaction. */
    @FunctionalInterface
    interface TransactionUse {
        void run(Repositories repositories);
    }
}
