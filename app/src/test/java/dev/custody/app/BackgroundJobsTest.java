package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.blob.BlobId;
import dev.custody.blob.BlobReaper;
import dev.custody.blob.FileBlobStore;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipState;
import dev.custody.contributor.ErasureService;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.retention.RetentionService;
import dev.custody.store.JobLock;
import dev.custody.testkit.RepositoryRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundJobsTest {
    @TempDir
    Path temp;

    JdbcMetadataStore metadata;
    ErasureService erasure;

    @BeforeEach
    void open() {
        metadata = JdbcMetadataStore.openSqlite(temp.resolve("custody.db"));
        erasure = new ErasureService(
                metadata, new BlobReaper(metadata, FileBlobStore.open(temp.resolve("blobs"))), Clock.systemUTC());
        metadata.useTransaction(repositories -> {
            repositories.blobDeletions().enqueue(BlobId.random(), Instant.now());
        });
    }

    @AfterEach
    void close() {
        metadata.close();
    }

    @Test
    void afterErasureRun_isSkipped_whileAnotherNodeHoldsTheLock() {
        var lock = new RecordingLock(false);

        // A nudge queued before close is run by close, which waits for it: no timing involved.
        try (var jobs = BackgroundJobs.start(lock, Duration.ofHours(1), BackgroundJobs.Job.afterErasure(erasure))) {
            jobs.nudge();
        }

        assertThat(lock.asked).contains("after-erasure");
        assertThat(queued()).hasSize(1);
    }

    @Test
    void afterErasureRun_drainsTheQueue_whenTheLockIsFree() {
        var lock = new RecordingLock(true);

        try (var jobs = BackgroundJobs.start(lock, Duration.ofHours(1), BackgroundJobs.Job.afterErasure(erasure))) {
            jobs.nudge();
        }

        assertThat(lock.asked).contains("after-erasure");
        assertThat(queued()).isEmpty();
    }

    @Test
    void retentionRun_erasesExpiredClips_onlyWhileNoOtherNodeHoldsItsLock() {
        Clip expired = clipRecordedLongAgo();
        var retention = BackgroundJobs.Job.retention(new RetentionService(erasure, Clock.systemUTC()));
        var taken = new RecordingLock(false);
        var free = new RecordingLock(true);

        try (var jobs = BackgroundJobs.start(taken, Duration.ofHours(1), retention)) {
            jobs.nudge();
        }
        ClipState whileTaken = state(expired);
        try (var jobs = BackgroundJobs.start(free, Duration.ofHours(1), retention)) {
            jobs.nudge();
        }

        assertThat(taken.asked).contains("retention");
        assertThat(whileTaken).isEqualTo(ClipState.PENDING_REVIEW);
        assertThat(state(expired)).isEqualTo(ClipState.ERASED);
    }

    /** A clip of 2000, in a project that keeps clips 400 days. */
    private Clip clipRecordedLongAgo() {
        var organization = RepositoryRecords.organization("Acme");
        var project = RepositoryRecords.project(organization.id(), List.of("Hello."));
        var contributor = RepositoryRecords.activeContributor();
        var clip = RepositoryRecords.clip(project.id(), contributor.pseudonym(), Instant.parse("2000-01-01T00:00:00Z"));
        metadata.useTransaction(repositories -> {
            repositories.organizations().insert(organization);
            repositories.projects().insert(project);
            repositories
                    .contributors()
                    .insert(contributor, RepositoryRecords.sealedIdentity(), RepositoryRecords.voiceKey());
            repositories.clips().insert(clip);
        });
        return clip;
    }

    private ClipState state(Clip clip) {
        return metadata.inTransaction(repositories ->
                repositories.clips().find(clip.id()).orElseThrow().state());
    }

    private List<BlobId> queued() {
        return metadata.inTransaction(
                repositories -> repositories.blobDeletions().next(10));
    }

    /** A lock that is always free or always taken elsewhere, and records which jobs asked. */
    private static final class RecordingLock implements JobLock {
        final List<String> asked = new ArrayList<>();
        private final boolean free;

        RecordingLock(boolean free) {
            this.free = free;
        }

        @Override
        public synchronized boolean runIfFree(String job, Runnable work) {
            asked.add(job);
            if (free) {
                work.run();
            }
            return free;
        }
    }
}
