package dev.custody.jdbc;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.HandleCallback;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite file in WAL mode with {@code synchronous=FULL}, so a commit is on disk before it is
 * acknowledged. SQLite allows one writer at a time and answers a second with SQLITE_BUSY; rather
 * than retry, every writing transaction runs on one connection on one writer thread, and
 * concurrent transactions share one commit ({@link GroupCommit}). Reads run on connections of
 * their own ({@link SqliteReaders}) and never wait for a commit.
 *
 * <p>Every connection zeroes the cells it frees ({@code secure_delete}); {@link #purgeDeleted}
 * and closing run a truncating checkpoint ({@link SqliteCheckpoints}), so a deletion then lives
 * on in neither the main file nor the write-ahead log.
 */
final class SqliteDatabase implements Database {
    // Only another process (a CLI command on the same file) can hold the write lock against us.
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    // WAL lets readers run beside the writer; a few connections serve reads without queueing
    // behind a group's commit.
    private static final int READERS = 4;

    private final Connection connection;
    private final GroupCommit groupCommit;
    private final SqliteReaders readers;
    private final SqliteCheckpoints checkpoints;

    private SqliteDatabase(Connection connection, SqliteReaders readers, SqliteCheckpoints checkpoints) {
        this.connection = connection;
        this.groupCommit = new GroupCommit(ReusedStatements.over(connection), "custody-sqlite-writer");
        this.readers = readers;
        this.checkpoints = checkpoints;
    }

    static SqliteDatabase open(Path file) {
        createPrivately(file);
        SQLiteDataSource dataSource = dataSource(file);
        Migrations.apply(dataSource, Dialect.SQLITE);
        try {
            Connection writerConnection = dataSource.getConnection();
            SqliteCheckpoints checkpoints = null;
            try {
                checkpoints = SqliteCheckpoints.open(dataSource(file, SqliteCheckpoints.WAIT_MILLIS));
                return new SqliteDatabase(writerConnection, SqliteReaders.open(file, READERS), checkpoints);
            } catch (RuntimeException e) {
                if (checkpoints != null) {
                    checkpoints.close();
                }
                writerConnection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    /**
     * Creates a new database file readable by its owner only; SQLite gives its journal files the
     * database file's mode, so they stay private too.
     */
    private static void createPrivately(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // An existing database keeps its mode.
        } catch (IOException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    static SQLiteDataSource dataSource(Path file) {
        return dataSource(file, BUSY_TIMEOUT_MILLIS);
    }

    private static SQLiteDataSource dataSource(Path file, int busyTimeoutMillis) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        // Erasure deletes wrapped keys: overwrite freed cells so no copy of a key lingers in free pages.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setBusyTimeout(busyTimeoutMillis);
        // Take the write lock at BEGIN: a deferred transaction that reads, then writes, could
        // fail with SQLITE_BUSY when another process wrote in between.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        return groupCommit.run(callback);
    }

    @Override
    public <T> T inReadTransaction(HandleCallback<T, RuntimeException> callback) {
        return readers.inTransaction(callback);
    }

    @Override
    public void purgeDeleted() {
        checkpoints.truncate();
    }

    /** Commits what is queued, then checkpoints, so a clean shutdown leaves no deleted bytes. */
    @Override
    public void close() {
        groupCommit.close();
        readers.close();
        try (checkpoints) {
            checkpoints.truncate();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                throw JdbcErrors.storageUnavailable(e);
            }
        }
    }
}
