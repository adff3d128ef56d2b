package dev.custody.jdbc;

class PostgresRetentionBackfillIT extends AbstractRetentionBackfillTest {
    private final String url = EmbeddedPostgresFixture.freshDatabaseUrl();

    @Override
    protected String url() {
        return url;
    }

    @Override
    protected String user() {
        return EmbeddedPostgresFixture.USER;
    }

    @Override
    protected String password() {
        return EmbeddedPostgresFixture.PASSWORD;
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    protected JdbcMetadataStore open() {
        return JdbcMetadataStore.openPostgres(url, EmbeddedPostgresFixture.USER, EmbeddedPostgresFixture.PASSWORD);
    }
}
