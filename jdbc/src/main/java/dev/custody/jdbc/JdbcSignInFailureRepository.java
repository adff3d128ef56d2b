package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.access.FailureWindow;
import dev.custody.store.SignInFailureRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcSignInFailureRepository implements SignInFailureRepository {
    // One statement, so that concurrent failures on any node are all counted: SQLite and PostgreSQL
    // both evaluate every SET expression against the row as it was before this update.
    private static final String RECORD = "INSERT INTO sign_in_failures (address_sha256, window_start, failures)"
            + " VALUES (:key, :at, 1) ON CONFLICT (address_sha256) DO UPDATE SET"
            + " failures = CASE WHEN sign_in_failures.window_start <= :stale THEN 1"
            + " ELSE sign_in_failures.failures + 1 END,"
            + " window_start = CASE WHEN sign_in_failures.window_start <= :stale THEN :at"
            + " ELSE sign_in_failures.window_start END";

    private final Handle handle;

    JdbcSignInFailureRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public FailureWindow recordFailure(Bytes addressKey, Instant at, Instant staleUpTo) {
        handle.createUpdate(RECORD)
                .bind("key", addressKey.toArray())
                .bind("at", at.toEpochMilli())
                .bind("stale", staleUpTo.toEpochMilli())
                .execute();
        return find(addressKey).orElseThrow(() -> new IllegalStateException("the failure just counted is gone"));
    }

    @Override
    public Optional<FailureWindow> find(Bytes addressKey) {
        return handle.createQuery("SELECT window_start, failures FROM sign_in_failures WHERE address_sha256 = :key")
                .bind("key", addressKey.toArray())
                .map(JdbcSignInFailureRepository::map)
                .findOne();
    }

    @Override
    public int purge(Instant staleUpTo) {
        return handle.createUpdate("DELETE FROM sign_in_failures WHERE window_start <= :stale")
                .bind("stale", staleUpTo.toEpochMilli())
                .execute();
    }

    private static FailureWindow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FailureWindow(Instant.ofEpochMilli(rs.getLong("window_start")), rs.getInt("failures"));
    }
}
