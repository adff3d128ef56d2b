package dev.custody.jdbc;

import org.jdbi.v3.core.HandleCallback;

/** A migrated database and the way its transactions are run. */
interface Database extends AutoCloseable {
    Dialect dialect();

    /** Runs the callback in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> callback);

    /** Runs a callback that only reads, in a transaction that does not wait for writers. */
    <T> T inReadTransaction(HandleCallback<T, RuntimeException> callback);

    /** See {@link dev.custody.store.MetadataStore#purgeDeleted}. */
    void purgeDeleted();

    @Override
    void close();
}
