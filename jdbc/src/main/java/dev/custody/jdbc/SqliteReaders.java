package dev.custody.jdbc;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
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
    // Platform threads: the driver blocks in native code, which would pin a virtual thread.
    private final ExecutorService threads;

    private SqliteReaders(List<Connection> connections) {
        this.connections = connections;
        this.threads = Executors.newFixedThreadPool(
                connections.size(),
                Thread.ofPlatform().name("custody-sqlite-reader-", 0).daemon().factory());
        List<Handle> handles =
                connections.stream().map(c -> ReusedStatements.over(c).open()).toList();
        this.idle = new ArrayBlockingQueue<>(handles.size(), false, handles);
    }

    static SqliteReaders open(Path file, int count) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        // A reader frees nothing, but every connection to the file says the same thing about deletes.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
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
        Future<T> read = threads.submit(() -> {
            Handle handle = idle.take();
            try {
                return handle.inTransaction(callback);
            } finally {
                idle.add(handle);
            }
        });
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("read failed", e.getCause());
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "interrupted while reading the database", e);
        }
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
