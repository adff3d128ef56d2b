package dev.custody.jdbc;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Translates database failures into {@link CustodyException}s, keeping the cause. */
final class JdbcErrors {
    // SQLSTATE class 23 (integrity constraint violation), as PostgreSQL reports it.
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private JdbcErrors() {}

    static CustodyException storageUnavailable(Exception cause) {
        return new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "the metadata database is unavailable", cause);
    }

    /**
     * The exception to throw for a failed insert of {@code what}: CONFLICT for a duplicate key,
     * NOT_FOUND for a reference to a missing record, else the original (mapped at the store's edge).
     */
    static RuntimeException onInsert(JdbiException failure, String what) {
        return sqlCause(failure).map(cause -> translate(cause, failure, what)).orElse(failure);
    }

    private static RuntimeException translate(SQLException cause, JdbiException failure, String what) {
        if (isUniqueViolation(cause)) {
            return new CustodyException(ErrorCode.CONFLICT, what + " already exists", failure);
        }
        if (isForeignKeyViolation(cause)) {
            return new CustodyException(ErrorCode.NOT_FOUND, what + " refers to a record that does not exist", failure);
        }
        return failure;
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    private static boolean isForeignKeyViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
        }
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState());
    }
}
