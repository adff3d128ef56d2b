package dev.custody.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** A PostgreSQL database behind a HikariCP pool; PostgreSQL itself orders concurrent writers. */
final class PostgresDatabase implements Database {
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    static PostgresDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.addDataSourceProperty("options", JdbcMetadataStore.POSTGRES_SESSION_OPTIONS);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("custody-metadata");
        HikariDataSource pool = startPool(config);
        try {
            Migrations.apply(pool, Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresDatabase(pool);
    }

    private static HikariDataSource startPool(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari fails fast with an unchecked exception when the first connection fails.
            throw JdbcErrors.storageUnavailable(e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public <T> T inReadTransaction(HandleCallback<T, RuntimeException> callback) {
        // PostgreSQL's snapshots never wait for writers: the ordinary path serves.
        return inTransaction(callback);
    }

    @Override
    public <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        return jdbi.inTransaction(callback);
    }

    /**
     * Nothing per call: a deleted row lives on in dead tuples until vacuum and in WAL segments
     * until recycled, and neither can be forced to zero it. The scheduled KEK rotation bounds them.
     */
    @Override
    public void purgeDeleted() {}

    @Override
    public void close() {
        pool.close();
    }
}
