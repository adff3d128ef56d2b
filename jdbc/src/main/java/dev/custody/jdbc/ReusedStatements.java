package dev.custody.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the prepared statements of one SQLite connection for reuse. SQLite compiles a statement's
 * SQL into a program on every prepare, which costs more than running a short query, and the
 * driver keeps no cache of its own (PostgreSQL's does, so this is for SQLite only).
 *
 * <p>A statement is taken out of the cache while it runs and put back when Jdbi closes it, so two
 * uses of the same SQL at once (a query run inside the loop over another's rows) each get a
 * statement of their own. Closing a result set resets its statement, so a kept statement holds no
 * snapshot. At most {@value #MAX_KEPT} are kept, the least recently used closed first: SQL built
 * for a list of values varies with the list's length.
 *
 * <p>One instance serves one connection, which one thread uses at a time. The ledger's own
 * statements, run on the raw connection to keep Jdbi off its append path, are cached apart by
 * {@code ledger.PreparedStatements}, which can hand a statement out again while it is in use: fine
 * for the ledger's flat calls, not for Jdbi's nested ones.
 */
final class ReusedStatements implements StatementBuilder {
    private static final int MAX_KEPT = 200;

    private final StatementBuilder fresh = new DefaultStatementBuilder();
    // The statements handed out, with the SQL they were prepared from: Jdbi names a statement it
    // closes by the SQL it was written in, before its named parameters became "?".
    private final Map<Statement, String> inUse = new IdentityHashMap<>();
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_KEPT) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    /** Jdbi over one SQLite connection, reusing its statements. */
    static Jdbi over(Connection connection) {
        Jdbi jdbi = Jdbi.create(connection);
        ReusedStatements statements = new ReusedStatements();
        // Jdbi asks for a builder per handle; the statements belong to the connection, which outlives them.
        jdbi.setStatementBuilderFactory(handleConnection -> statements);
        return jdbi;
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (!reusable(context)) {
            return fresh.create(connection, sql, context);
        }
        PreparedStatement kept = idle.remove(sql);
        if (kept == null || kept.isClosed()) {
            kept = connection.prepareStatement(sql);
        } else {
            kept.clearParameters();
        }
        inUse.put(kept, sql);
        return kept;
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        String prepared = inUse.remove(statement);
        if (prepared != null && !statement.isClosed() && !idle.containsKey(prepared)) {
            idle.put(prepared, (PreparedStatement) statement);
        } else {
            statement.close();
        }
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return fresh.create(connection, context);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
            throws SQLException {
        return fresh.createCall(connection, sql, context);
    }

    // Statements with generated keys or updatable results are prepared with options of their own.
    private static boolean reusable(StatementContext context) {
        return !context.isReturningGeneratedKeys() && !context.isConcurrentUpdatable();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // A statement that will not close goes with its connection.
        }
    }
}
