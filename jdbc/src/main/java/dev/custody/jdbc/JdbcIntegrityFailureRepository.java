package dev.custody.jdbc;

import dev.custody.store.IntegrityFailureRepository;
import java.util.List;
import org.jdbi.v3.core.Handle;

final class JdbcIntegrityFailureRepository implements IntegrityFailureRepository {
    private final Handle handle;

    JdbcIntegrityFailureRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void add(long ledgerIndex) {
        handle.createUpdate("INSERT INTO integrity_failure_entry (idx) VALUES (:idx)")
                .bind("idx", ledgerIndex)
                .execute();
    }

    @Override
    public List<Long> before(long before, int limit) {
        return handle.createQuery(
                        "SELECT idx FROM integrity_failure_entry WHERE idx < :before ORDER BY idx DESC LIMIT :limit")
                .bind("before", before)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }
}
