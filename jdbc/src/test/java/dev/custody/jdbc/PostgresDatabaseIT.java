package dev.custody.jdbc;

import static dev.custody.testkit.RepositoryRecords.organization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.project.Organization;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL store promises beyond the repository contract: migrations, errors. */
class PostgresDatabaseIT {
    @Test
    void reopening_keepsTheDataAndReappliesNoMigration() {
        String url = EmbeddedPostgresFixture.freshDatabaseUrl();
        Organization organization = organization("Kept");
        try (JdbcMetadataStore store = open(url)) {
            store.useTransaction(r -> {
                r.organizations().insert(organization);
            });
        }

        try (JdbcMetadataStore store = open(url)) {
            Optional<Organization> found =
                    store.inTransaction(r -> r.organizations().find(organization.id()));

            assertThat(found).contains(organization);
            assertThat(appliedMigrations(store))
                    .isEqualTo(MigrationFiles.versions("postgresql"))
                    .contains("1", "6");
        }
    }

    @Test
    void sessions_runWithoutJitCompilation() {
        try (JdbcMetadataStore store = open(EmbeddedPostgresFixture.freshDatabaseUrl())) {
            String jit = store.inJdbcTransaction(
                    r -> r.handle().createQuery("SHOW jit").mapTo(String.class).one());

            assertThat(jit).isEqualTo("off");
        }
    }

    @Test
    void unreachableServer_failsToOpenWithStorageUnavailable() {
        // Port 1 is never a PostgreSQL server: the connection is refused at once.
        assertThatThrownBy(() -> JdbcMetadataStore.openPostgres(
                        "jdbc:postgresql://127.0.0.1:1/custody", EmbeddedPostgresFixture.USER, "wrong"))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE))
                .hasCauseInstanceOf(RuntimeException.class);
    }

    private static JdbcMetadataStore open(String url) {
        return JdbcMetadataStore.openPostgres(url, EmbeddedPostgresFixture.USER, EmbeddedPostgresFixture.PASSWORD);
    }

    private static List<String> appliedMigrations(JdbcMetadataStore store) {
        return store.inJdbcTransaction(r -> r.handle()
                .createQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
    }
}
