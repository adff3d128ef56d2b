package dev.custody.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the migrations packaged in this module. */
final class Migrations {
    private Migrations() {}

    static void apply(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw JdbcErrors.storageUnavailable(e);
        }
    }
}
