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
}
