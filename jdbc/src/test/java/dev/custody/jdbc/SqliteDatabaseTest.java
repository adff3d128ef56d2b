package dev.custody.jdbc;

import static dev.custody.testkit.RepositoryRecords.organization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.project.Organization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store promises beyond the repository contract: durability, settings, errors. */
class SqliteDatabaseTest {
    @TempDir
    Path folder;

    private JdbcMetadataStore open() {
        return JdbcMetadataStore.openSqlite(folder.resolve("custody.db"));
    }

    @Test
    void reopening_keepsTheDataAndReappliesNoMigration() {
        Organization organization = organization("Kept");
        try (JdbcMetadataStore store = open()) {
            store.useTransaction(r -> {
                r.organizations().insert(organization);
            });
        }

        try (JdbcMetadataStore store = open()) {
            Optional<Organization> found =
                    store.inTransaction(r -> r.organizations().find(organization.id()));

            assertThat(found).contains(organization);
            assertThat(appliedMigrations(store))
                    .isEqualTo(MigrationFiles.versions("sqlite"))
                    .contains("1", "6");
        }
    }

    @Test
    void connection_isInWalModeWithFullSynchronousAndForeignKeys() {
        try (JdbcMetadataStore store = open()) {
            assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
            // 2 is FULL: the WAL is synced on every commit.
            assertThat(pragma(store, "synchronous")).isEqualTo("2");
            assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(store, "secure_delete")).isEqualTo("1");
        }
    }

    @Test
    void purgeDeleted_truncatesTheLog_andLeavesTheDeletedBytesInNoFile() throws IOException {
        String secret = "a deleted value " + UUID.randomUUID();
        try (JdbcMetadataStore store = open()) {
            store.inTransaction(r -> {
                r.settings().put("doomed", secret);
                return null;
            });
            store.inJdbcTransaction(r -> r.handle().execute("DELETE FROM settings WHERE key = 'doomed'"));
            assertThat(filesHolding(secret)).as("before the purge").isNotEmpty();

            store.purgeDeleted();

            assertThat(Files.size(folder.resolve("custody.db-wal"))).isZero();
            assertThat(filesHolding(secret)).isEmpty();
        }
    }

    @Test
    void purgeDeleted_whileAReadHoldsASnapshotOfTheLog_failsClearly_andSucceedsOnceTheReadEnds() throws IOException {
        try (JdbcMetadataStore store = open()) {
            store.inTransaction(r -> {
                r.settings().put("written", "to the log");
                return null;
            });

            Throwable failure = store.inReadTransaction(r -> {
                r.settings().get("written"); // the snapshot starts at the first read
                return catchThrowable(store::purgeDeleted);
            });

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE))
                    .hasMessageContaining("may remain");
            assertThat(Files.size(folder.resolve("custody.db-wal"))).isPositive();
            store.purgeDeleted();
            assertThat(Files.size(folder.resolve("custody.db-wal"))).isZero();
        }
    }

    private List<Path> filesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> contains(read(file), needle)).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return IntStream.rangeClosed(0, haystack.length - needle.length)
                .anyMatch(i -> Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length));
    }

    @Test
    void hundredsOfConcurrentTransactions_commitOrRollBackEachAsAWhole() throws Exception {
        int writers = 300;
        try (JdbcMetadataStore store = open()) {
            List<Future<?>> transactions = new ArrayList<>();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < writers; i++) {
                    int writer = i;
                    transactions.add(executor.submit(() -> writeOrRollBack(store, writer)));
                }
            }
            for (Future<?> transaction : transactions) {
                transaction.get(); // rethrows the first unexpected failure, SQLITE_BUSY included
            }

            // Every third transaction threw: its row is gone, and no other transaction's is.
            assertThat(settingKeys(store))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, writers)
                            .filter(i -> i % 3 != 0)
                            .mapToObj(i -> "writer " + i)
                            .toList());
        }
    }

    private static void writeOrRollBack(JdbcMetadataStore store, int writer) {
        String key = "writer " + writer;
        try {
            store.useTransaction(r -> {
                // Read, then write: the pattern that meets SQLITE_BUSY without one writer at a time.
                r.settings().put(key, r.settings().get(key).orElse("written"));
                Thread.yield(); // invite another transaction to run in between
                if (writer % 3 == 0) {
                    throw new IllegalStateException("rolled back");
                }
            });
        } catch (IllegalStateException expected) {
            // the rollback under test
        }
    }

    @Test
    void sqlFailureInsideTheWork_surfacesAsStorageUnavailableWithTheCause() {
        try (JdbcMetadataStore store = open()) {
            assertThatThrownBy(() ->
                            store.inJdbcTransaction(r -> r.handle().execute("INSERT INTO no_such_table VALUES (1)")))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE))
                    .hasCauseInstanceOf(JdbiException.class);
        }
    }

    @Test
    void transactionAfterClose_failsWithStorageUnavailable() {
        JdbcMetadataStore store = open();
        store.close();

        assertThatThrownBy(() -> store.inTransaction(r -> r.settings().get("x")))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    @Test
    void folderInsteadOfFile_failsToOpenWithStorageUnavailable() {
        assertThatThrownBy(() -> JdbcMetadataStore.openSqlite(folder))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    private static List<String> settingKeys(JdbcMetadataStore store) {
        return store.inJdbcTransaction(r -> r.handle()
                .createQuery("SELECT key FROM settings")
                .mapTo(String.class)
                .list());
    }

    private static String pragma(JdbcMetadataStore store, String name) {
        return store.inJdbcTransaction(r ->
                r.handle().createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    private static List<String> appliedMigrations(JdbcMetadataStore store) {
        return store.inJdbcTransaction(r -> r.handle()
                .createQuery("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
    }
}
