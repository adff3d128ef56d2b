package dev.custody.jdbc.ledger;

import dev.custody.ledger.LedgerStore;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerStoreTest extends AbstractLedgerStoreTest {
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

    @Override
    protected void clearLookups(Handle handle) {
        handle.execute("INSERT INTO ledger_lookup (ledger_lookup) VALUES ('delete-all')");
    }

    @Override
    protected void keepOnlyLeafHashLookups(Handle handle) {
        clearLookups(handle);
        handle.execute("INSERT INTO ledger_lookup (rowid, keys)"
                + " SELECT idx, 'h' || lower(hex(substr(leaf_hash, 1, 8))) FROM ledger_entry");
    }

    @Override
    protected int entriesFoundByContributor(Handle handle) {
        return handle.createQuery("SELECT COUNT(DISTINCT rowid) FROM ledger_lookup WHERE ledger_lookup MATCH 'ctb*'")
                .mapTo(Integer.class)
                .one();
    }
}
