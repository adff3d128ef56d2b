package dev.custody.jdbc.ledger;

import dev.custody.ledger.LedgerStore;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTamperTest extends AbstractLedgerTamperTest {
    @TempDir
    static Path folder;

    private static SqliteLedgerDatabase database;

    @BeforeAll
    static void migrate() {
        database = new SqliteLedgerDatabase(folder.resolve("custody.db"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    protected LedgerStore store(Handle handle) {
        return JdbcLedgerStore.sqlite(handle);
    }
}
