package dev.custody.jdbc.ledger;

import dev.custody.ledger.LedgerStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

class PostgresLedgerStoreIT extends AbstractLedgerStoreTest {
    @Override
    protected Jdbi jdbi() {
        return PostgresLedgerDatabase.jdbi();
    }

    @Override
    protected LedgerStore store(Handle handle) {
        return JdbcLedgerStore.postgres(handle);
    }

    @Override
    protected void clearLookups(Handle handle) {
        handle.execute("DELETE FROM ledger_contributor_entry");
    }

    @Override
    protected void keepOnlyLeafHashLookups(Handle handle) {
        clearLookups(handle); // the leaf hash index is the database's own
    }

    @Override
    protected int entriesFoundByContributor(Handle handle) {
        return handle.createQuery("SELECT COUNT(DISTINCT idx) FROM ledger_contributor_entry")
                .mapTo(Integer.class)
                .one();
    }
}
