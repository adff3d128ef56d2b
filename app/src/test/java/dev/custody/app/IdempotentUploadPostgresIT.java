package dev.custody.app;

import dev.custody.testkit.MutableClock;
import dev.custody.testkit.TestArgon2;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link IdempotentUploadContract} on PostgreSQL (embedded), where concurrent uploads with one key
 * run in transactions of their own rather than one after another.
 */
class IdempotentUploadPostgresIT extends IdempotentUploadContract {
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    Installation open(Path folder, MutableClock clock) {
        String database = "custody_" + ++databases;
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            Path config = Files.writeString(
                    folder.resolve("custody.conf"), """
                    database.url = %s
                    database.user = postgres
                    blobs.url = file:state/blobs
                    keys.url = local:state/keyring.sealed
                    """.formatted(postgres.getJdbcUrl("postgres", database)));
            return ConfiguredInstallation.initialize(
                    config,
                    Map.of("CUSTODY_PASSPHRASE", SpineFixture.PASSPHRASE, "CUSTODY_DATABASE_PASSWORD", "postgres"),
                    TestArgon2.parameters(),
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
