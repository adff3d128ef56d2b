package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.store.MetadataStore;
import dev.custody.testkit.RepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on a SQLite file. */
class SqliteRepositoryTest extends RepositoryContract {
    private JdbcMetadataStore store;

    @BeforeAll
    void open(@TempDir Path folder) {
        store = JdbcMetadataStore.openSqlite(folder.resolve("custody.db"));
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Override
    protected MetadataStore store() {
        return store;
    }

    @Test
    void dialect_isSqlite() {
        assertThat(store.dialect()).isEqualTo(Dialect.SQLITE);
    }
}
