package dev.custody.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped when the JVM
 * exits, handing out a fresh empty database to each test class that asks.
 */
public final class EmbeddedPostgresFixture {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgresFixture() {}

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String freshDatabaseUrl() {
        String name = "custody_test_" + DATABASES.incrementAndGet();
        try (Connection connection = Server.POSTGRES.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return Server.POSTGRES.getJdbcUrl(USER, name);
    }

    /** Opens a store on a fresh database. */
    public static JdbcMetadataStore openFreshStore() {
        return JdbcMetadataStore.openPostgres(freshDatabaseUrl(), USER, PASSWORD);
    }

    // Holder idiom: the server starts on first use, once, whichever thread gets there first.
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres)));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        private static void stop(EmbeddedPostgres postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
