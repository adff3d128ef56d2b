package dev.custody.jdbc;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.store.MetadataStore;
import java.nio.file.Path;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link MetadataStore} on SQLite (the embedded default) or PostgreSQL (scale), through Jdbi.
 * Opening one applies the schema migrations. Every transaction commits whole or not at all, and is
 * durable when it returns. Database failures surface as {@code STORAGE_UNAVAILABLE} with the cause
 * kept; a duplicate key on insert as {@code CONFLICT}; a reference to a missing record as {@code
 * NOT_FOUND}. An exception thrown by the work rolls the transaction back and propagates unchanged.
 *
 * <p>Code that must write in the same transaction as the repositories (the ledger) uses {@link
 * #inJdbcTransaction}, whose {@link JdbcRepositories} also expose the Jdbi handle and the dialect.
 * After any failure inside a transaction the work must give up: on PostgreSQL the transaction is
 * aborted and can only be rolled back.
 */
public final class JdbcMetadataStore implements MetadataStore {
    /**
     * The server options of every PostgreSQL session Custody opens. JIT compilation is off: its
     * queries are short, and a cursor over a million rows (an export plan) is costed high enough to
     * be compiled first, which took 50 to 170 ms before the first row, against 0.05 ms without.
     */
    public static final String POSTGRES_SESSION_OPTIONS = "-c jit=off";

    private static final int BACKFILL_PAGE = 1000;

    private final Database database;

    private JdbcMetadataStore(Database database) {
        this.database = database;
    }

    /**
     * Opens (creating if absent) a SQLite database file: WAL journal, {@code synchronous=FULL},
     * foreign keys enforced, one writing transaction at a time.
     *
     * @throws CustodyException STORAGE_UNAVAILABLE if the file cannot be opened or migrated
     */
    public static JdbcMetadataStore openSqlite(Path databaseFile) {
        requireNonNull(databaseFile, "databaseFile is null");
        return new JdbcMetadataStore(SqliteDatabase.open(databaseFile)).backfilled();
    }

    /**
     * Opens a pool of connections to a PostgreSQL database.
     *
     * @throws CustodyException STORAGE_UNAVAILABLE if it cannot be reached or migrated
     */
    public static JdbcMetadataStore openPostgres(String jdbcUrl, String user, String password) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        return new JdbcMetadataStore(PostgresDatabase.open(jdbcUrl, user, password)).backfilled();
    }

    /**
     * Finishes what a migration left to Java: the contributor pointers of ledger entries appended
     * before they existed. A no-op once done; resumed where it stopped if interrupted.
     */
    private JdbcMetadataStore backfilled() {
        try {
            boolean more = true;
            while (more) {
                more = inJdbcTransaction(r -> r.ledgerStore().backfillContributorPointers(BACKFILL_PAGE));
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        requireNonNull(work, "work is null");
        return inJdbcTransaction(work::run);
    }

    @Override
    public <T> T inReadTransaction(TransactionWork<T> work) {
        requireNonNull(work, "work is null");
        try {
            return database.inReadTransaction(handle -> work.run(JdbcRepositories.of(handle, database.dialect())));
        } catch (JdbiException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    /**
     * Runs work against the repositories and the Jdbi handle of one transaction, with the same
     * guarantees as {@link #inTransaction}.
     */
    public <T> T inJdbcTransaction(JdbcTransactionWork<T> work) {
        requireNonNull(work, "work is null");
        try {
            return database.inTransaction(handle -> work.run(JdbcRepositories.of(handle, database.dialect())));
        } catch (JdbiException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    @Override
    public void purgeDeleted() {
        database.purgeDeleted();
    }

    /** Closes the connections. Transactions after this fail with STORAGE_UNAVAILABLE. */
    @Override
    public void close() {
        database.close();
    }

    /** Work done against the repositories and the handle of one transaction. */
    @FunctionalInterface
    public interface JdbcTransactionWork<T> {
        T run(JdbcRepositories repositories);
    }
}
