package dev.custody.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Read-only connections to a SQLite file in WAL mode. Each read runs in a deferred transaction on
 * one of them, so it sees a consistent snapshot of everything committed and never waits for the
 * writer's commit (the WAL keeps the pages it reads).
 */
final class SqliteReaders implements AutoCloseable {
    private final BlockingQueue<Handle> idle;
    private final List<Connection> connections;

    private SqliteReaders(List<Connection> connections) {
        this.connections = connections;
        List<Handle> handles =
                connections.stream().map(c -> Jdbi.create(c).open()).toList();
        this.idle = new ArrayBlockingQueue<>(handles.size(), false, handles);
    }

    static SqliteReaders open(Path file, int count) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SqliteDatabase.BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        List<Connection> connections = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                connections.add(dataSource.getConnection());
            }
        } catch (SQLException e) {
            closeAll(connections);
            throw JdbcErrors.storageUnavailable(e);
        }
        return new SqliteReaders(List.copyOf(connections));
    }

    <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        Handle handle;
        try {
            handle = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
        try {
            return handle.inTransaction(callback);
        } finally {
            idle.add(handle);
        }
    }

    @Override
    public void close() {
        closeAll(connections);
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing for good: nothing left to do with a connection that will not close.
            }
        }
    }
}
