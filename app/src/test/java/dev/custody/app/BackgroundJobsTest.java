package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.blob.BlobId;
import dev.custody.blob.BlobReaper;
import dev.custody.blob.FileBlobStore;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.store.JobLock;
import java.nio.file.Path;
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
    BlobReaper reaper;

    @BeforeEach
    void open() {
        metadata = JdbcMetadataStore.openSqlite(temp.resolve("custody.db"));
        reaper = new BlobReaper(metadata, FileBlobStore.open(temp.resolve("blobs")));
        metadata.inTransaction(repositories -> {
            repositories.blobDeletions().enqueue(BlobId.random(), Instant.now());
            return null;
        });
    }

    @AfterEach
    void close() {
        metadata.close();
    }

    @Test
    void reaperRun_isSkipped_whileAnotherNodeHoldsTheLock() {
        var lock = new RecordingLock(false);

        // A nudge queued before close is run by close, which waits for it: no timing involved.
        try (var jobs = BackgroundJobs.start(lock, Duration.ofHours(1), BackgroundJobs.Job.blobReaper(reaper))) {
            jobs.nudge();
        }

        assertThat(lock.asked).contains("blob-reaper");
        assertThat(queued()).hasSize(1);
    }

    @Test
    void reaperRun_drainsTheQueue_whenTheLockIsFree() {
        var lock = new RecordingLock(true);

        try (var jobs = BackgroundJobs.start(lock, Duration.ofHours(1), BackgroundJobs.Job.blobReaper(reaper))) {
            jobs.nudge();
        }

        assertThat(lock.asked).contains("blob-reaper");
        assertThat(queued()).isEmpty();
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
