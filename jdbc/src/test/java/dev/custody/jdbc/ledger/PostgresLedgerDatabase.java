package dev.custody.jdbc.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** One real PostgreSQL server for the test JVM, migrated once, shared by the ITs. */
final class PostgresLedgerDatabase {
    private static PostgresLedgerDatabase shared;

    private final Jdbi jdbi;

    private PostgresLedgerDatabase() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.getPostgresDatabase());
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        jdbi = Jdbi.create(pool);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            pool.close();
            try {
                server.close();
            } catch (IOException e) {
                // The JVM is exiting; the server's folder is temporary either way.
            }
        }));
    }

    static synchronized Jdbi jdbi() {
        if (shared == null) {
            shared = new PostgresLedgerDatabase();
        }
        return shared.jdbi;
    }
}
