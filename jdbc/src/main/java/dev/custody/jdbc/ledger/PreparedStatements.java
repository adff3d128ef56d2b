package dev.custody.jdbc.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Statements prepared once per connection and reused. A connection is used by one thread at a time
 * (the store's writer, or one reader), so a statement is never shared between two executions;
 * statements go with their connection when it is closed and collected.
 */
final class PreparedStatements {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new WeakHashMap<>();

    private PreparedStatements() {}

    static PreparedStatement of(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (CACHE) {
            statements = CACHE.computeIfAbsent(connection, c -> new HashMap<>());
        }
        synchronized (statements) {
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            statement.clearParameters();
            return statement;
        }
    }
}
