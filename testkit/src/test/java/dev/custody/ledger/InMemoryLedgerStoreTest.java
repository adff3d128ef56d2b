package dev.custody.ledger;

import dev.custody.testkit.LedgerStoreContract;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;

/** The in-memory fake that the ledger's own tests run on keeps the same contract as the databases. */
class InMemoryLedgerStoreTest extends LedgerStoreContract {
    private InMemoryLedgerStore store;

    @BeforeEach
    void emptyStore() {
        store = new InMemoryLedgerStore();
    }

    @Override
    protected <T> T inTransaction(Function<LedgerStore, T> work) {
        return work.apply(store);
    }
}
