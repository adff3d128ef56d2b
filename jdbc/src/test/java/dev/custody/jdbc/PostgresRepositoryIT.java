package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.store.MetadataStore;
import dev.custody.testkit.RepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository contract on a real PostgreSQL server, in a database of its own. */
class PostgresRepositoryIT extends RepositoryContract {
    private JdbcMetadataStore store;

    @BeforeAll
    void open() {
        store = EmbeddedPostgresFixture.openFreshStore();
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
    void dialect_isPostgresql() {
        assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }
}
