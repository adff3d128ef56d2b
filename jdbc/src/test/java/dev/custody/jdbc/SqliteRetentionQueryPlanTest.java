package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention queries read the partial indexes of what is still due, never the whole table: a
 * query that stopped matching its index (a bound parameter in place of the literal state, say)
 * would scan 15 million clips on every run.
 */
class SqliteRetentionQueryPlanTest {
    @TempDir
    Path folder;

    @Test
    void expiredClips_areReadFromTheExpiryIndex() {
        assertThat(plan(JdbcClipRepository.EXPIRED)).anyMatch(step -> step.contains("USING INDEX clips_by_expiry"));
    }

    @Test
    void inactiveContributors_areReadFromTheActivityIndex() {
        assertThat(plan(JdbcContributorRepository.INACTIVE))
                .anyMatch(step -> step.contains("USING INDEX contributors_by_last_activity"));
    }

    private List<String> plan(String query) {
        try (JdbcMetadataStore store = JdbcMetadataStore.openSqlite(folder.resolve("custody.db"))) {
            return store.inJdbcTransaction(r -> r.handle()
                    .createQuery("EXPLAIN QUERY PLAN " + query)
                    .bind("now", 0L)
                    .bind("cutoff", 0L)
                    .bind("limit", 100)
                    .map((rs, ctx) -> rs.getString("detail"))
                    .list());
        }
    }
}
