package dev.custody.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRetentionBackfillTest extends AbstractRetentionBackfillTest {
    @TempDir
    Path folder;

    @Override
    protected String url() {
        return "jdbc:sqlite:" + folder.resolve("custody.db").toAbsolutePath();
    }

    @Override
    protected String user() {
        return "";
    }

    @Override
    protected String password() {
        return "";
    }

    @Override
    protected Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    protected JdbcMetadataStore open() {
        return JdbcMetadataStore.openSqlite(folder.resolve("custody.db"));
    }
}
