package dev.custody.store;

/**
 * Metadata (organizations, projects, contributors, consents, clips) in a transactional database.
 * Every change runs inside {@link #inTransaction}: it commits whole or not at all, and a commit is
 * durable when the call returns. Database failures surface as {@code STORAGE_UNAVAILABLE}.
 */
public interface MetadataStore extends AutoCloseable {
    <T> T inTransaction(TransactionWork<T> work);

    @Override
    void close();

    /** Work done against the repositories of one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Repositories repositories);
    }
}
