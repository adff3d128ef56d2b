package dev.custody.jdbc;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Truncating checkpoints of a SQLite database in WAL mode, on a connection of their own: every
 * page is copied from the write-ahead log into the main file, and the log is cut to zero bytes, so
 * no older version of a page (a deleted key, a key header) is left in either file.
 *
 * <p>A checkpoint cannot finish while a read holds a snapshot older than the log's end: it waits
 * {@value #WAIT_MILLIS} ms for such reads (and for the write lock) per attempt, {@value #ATTEMPTS}
 * times, and then fails rather than leave the bytes behind unsaid. Writers wait meanwhile (their
 * busy timeout is longer than all attempts together). Callers arriving while one runs share the
 * next: a checkpoint that starts after a caller's commit covers it.
 */
final class SqliteCheckpoints implements AutoCloseable {
    static final int WAIT_MILLIS = 2_000;
    static final int ATTEMPTS = 3;

    private final Connection connection;
    private final AtomicLong requested = new AtomicLong();
    private long covered; // guarded by this

    private SqliteCheckpoints(Connection connection) {
        this.connection = connection;
    }

    static SqliteCheckpoints open(DataSource dataSource) {
        try {
            return new SqliteCheckpoints(dataSource.getConnection());
        } catch (SQLException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    /** Returns once a checkpoint that started after this call has truncated the log. */
    void truncate() {
        long ticket = requested.incrementAndGet();
        synchronized (this) {
            if (covered >= ticket) {
                return;
            }
            long covers = requested.get();
            runUntilComplete();
            covered = covers;
        }
    }

    private void runUntilComplete() {
        try (Statement statement = connection.createStatement()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    // The first column is 1 when readers or a writer kept it from completing.
                    if (result.next() && result.getInt(1) == 0) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
        throw new CustodyException(
                ErrorCode.STORAGE_UNAVAILABLE,
                "a long read kept the database from clearing its write-ahead log: what was just deleted is"
                        + " recorded, but its bytes may remain in the data folder's files until a later checkpoint");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }
}
