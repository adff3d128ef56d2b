package dev.custody.jdbc.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A migrated SQLite database in a file, set up as Custody runs it: WAL, IMMEDIATE transactions. */
final class SqliteLedgerDatabase implements AutoCloseable {
    private final HikariDataSource pool;

    SqliteLedgerDatabase(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(60_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        // No more connections than carrier threads: a writer waiting for SQLite's lock blocks its
        // carrier in native code, and the lock holder must still find one to run on.
        hikari.setMaximumPoolSize(2);
        pool = new HikariDataSource(hikari);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/sqlite")
                .load()
                .migrate();
    }

    Jdbi jdbi() {
        return Jdbi.create(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
