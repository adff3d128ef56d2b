package dev.custody.jdbc;

/**
 * The SQL databases that hold Custody's metadata. Code that joins a {@link JdbcMetadataStore}
 * transaction switches on it where the SQL of the two truly differs.
 */
public enum Dialect {
    /** The embedded default: one file, in WAL mode, one writer at a time. */
    SQLITE,
    /** The scale deployment, shared by any number of Custody nodes. */
    POSTGRESQL;

    /** The Flyway location of this dialect's migrations. */
    String migrations() {
        return switch (this) {
            case SQLITE -> "classpath:db/migration/sqlite";
            case POSTGRESQL -> "classpath:db/migration/postgresql";
        };
    }
}
