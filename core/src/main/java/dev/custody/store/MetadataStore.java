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
