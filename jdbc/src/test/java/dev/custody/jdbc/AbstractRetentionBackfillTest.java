package dev.custody.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The retention migration on a database holding data from before it: every clip gets its expiry
 * from its project's retention, every contributor the time of their latest activity. Run by the
 * SQLite test and the PostgreSQL IT.
 */
abstract class AbstractRetentionBackfillTest {
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant CONSENTED = CREATED.plus(Duration.ofDays(3));
    private static final Instant RECORDED = CREATED.plus(Duration.ofDays(5));

    private final ClipId clip = ClipId.random();
    private final Pseudonym recorded = Pseudonym.random();
    private final Pseudonym consentedOnly = Pseudonym.random();

    /** A JDBC URL of an empty database, and its credentials (empty for SQLite). */
    protected abstract String url();

    protected abstract String user();

    protected abstract String password();

    protected abstract Dialect dialect();

    /** Opens the store, which migrates the database to the latest version. */
    protected abstract JdbcMetadataStore open();

    @Test
    void migratingExistingRows_givesClipsTheirExpiry_andContributorsTheirLatestActivity() {
        Flyway.configure()
                .dataSource(url(), user(), password())
                .locations(dialect().migrations())
                .target("6")
                .load()
                .migrate();
        insertRowsOfVersion6();

        try (JdbcMetadataStore store = open()) {
            Instant expiry = RECORDED.plus(RETENTION);
            List<ClipId> dueJustBefore = store.inTransaction(r -> r.clips().expired(expiry.minusMillis(1), 10));
            List<ClipId> dueAtExpiry = store.inTransaction(r -> r.clips().expired(expiry, 10));
            List<Pseudonym> idleAtUpload =
                    store.inTransaction(r -> r.contributors().inactiveSince(RECORDED, 10));
            List<Pseudonym> idleAfterUpload =
                    store.inTransaction(r -> r.contributors().inactiveSince(RECORDED.plusMillis(1), 10));

            assertThat(dueJustBefore).isEmpty();
            assertThat(dueAtExpiry).containsExactly(clip);
            assertThat(idleAtUpload).containsExactly(consentedOnly);
            assertThat(idleAfterUpload).containsExactly(consentedOnly, recorded);
        }
    }

    private void insertRowsOfVersion6() {
        Jdbi.create(url(), user(), password()).useHandle(handle -> {
            handle.execute(
                    "INSERT INTO organizations (id, name, created_at) VALUES ('org_a', 'Acme', ?)", millis(CREATED));
            handle.execute(
                    "INSERT INTO projects (id, organization_id, name, consent_terms_version, retention_ms,"
                            + " min_sample_rate, max_sample_rate, min_duration_ms, max_duration_ms, max_upload_bytes,"
                            + " max_clipping_ratio, min_rms_dbfs, max_silence_ratio, min_snr_db, created_at)"
                            + " VALUES ('prj_a', 'org_a', 'Read-aloud', 1, ?, 16000, 48000, 1000, 30000, 1000000,"
                            + " 0.01, -45.0, 0.8, 10.0, ?)",
                    RETENTION.toMillis(),
                    millis(CREATED));
            for (Pseudonym contributor : List.of(recorded, consentedOnly)) {
                handle.execute(
                        "INSERT INTO contributors (pseudonym, state, created_at) VALUES (?, 'ACTIVE', ?)",
                        contributor.value(),
                        millis(CREATED));
                handle.execute(
                        "INSERT INTO consents (id, contributor, project_id, terms_version, given_at)"
                                + " VALUES (?, ?, 'prj_a', 1, ?)",
                        ConsentId.random().value(),
                        contributor.value(),
                        millis(CONSENTED));
            }
            handle.execute(
                    "INSERT INTO clips (id, project_id, contributor, prompt_index, container, encoding, sample_rate,"
                            + " channels, frames, original_bytes, sha256, clipping_ratio, rms_dbfs, silence_ratio,"
                            + " snr_db, state, blob_id, key_header, created_at)"
                            + " VALUES (?, 'prj_a', ?, 0, 'WAV', 'PCM_16', 16000, 1,"
                            + " 32000, 64044, ?, 0.0, -20.0, 0.1, 30.0, 'PENDING_REVIEW', 'blb_a', ?, ?)",
                    clip.value(),
                    recorded.value(),
                    new byte[32],
                    new byte[40],
                    millis(RECORDED));
        });
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
