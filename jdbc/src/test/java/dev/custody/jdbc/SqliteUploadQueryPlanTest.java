package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of every upload read indexes, never a whole table: the duplicate-audio lookup reads
 * the contributor's live clips of that hash, and the sweep of expired idempotency keys their
 * expiry index.
 */
class SqliteUploadQueryPlanTest {
    @TempDir
    Path folder;

    @Test
    void duplicateAudio_isLookedUpInTheContributorsAudioIndex() {
        assertThat(plan(JdbcClipRepository.LIVE_WITH_AUDIO))
                .anyMatch(step -> step.contains("USING INDEX clips_by_contributor_audio"))
                .noneMatch(step -> step.startsWith("SCAN"));
    }

    @Test
    void expiredUploadKeys_areFoundThroughTheExpiryIndex() {
        assertThat(plan(JdbcClipRepository.FORGET_EXPIRED_KEYS))
                .anyMatch(step -> step.contains("upload_keys_by_expiry"))
                .noneMatch(step -> step.startsWith("SCAN"));
    }

    private List<String> plan(String query) {
        try (JdbcMetadataStore store = JdbcMetadataStore.openSqlite(folder.resolve("custody.db"))) {
            return store.inJdbcTransaction(r -> r.handle()
                    .createQuery("EXPLAIN QUERY PLAN " + query)
                    .bind("now", 0L)
                    .bind("contributor", "ctr_x")
                    .bind("sha256", new byte[32])
                    .map((rs, ctx) -> rs.getString("detail"))
                    .list());
        }
    }
}
