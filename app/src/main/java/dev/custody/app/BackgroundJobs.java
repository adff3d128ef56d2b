package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.blob.BlobReaper;
import dev.custody.store.JobLock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the blob reaper on a schedule and whenever {@link #nudge()} asks (after an erasure). One
 * thread, so runs never overlap in this node; the {@link JobLock} keeps them from overlapping across
 * nodes: a node that finds the reaper running elsewhere skips its turn, and whatever was queued
 * after that other run started waits for the next tick. A failed run is logged and retried at the
 * next tick.
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("custody-jobs").factory());
    private final BlobReaper reaper;
    private final JobLock lock;

    public BackgroundJobs(BlobReaper reaper, JobLock lock, Duration interval) {
        this.reaper = requireNonNull(reaper, "reaper is null");
        this.lock = requireNonNull(lock, "lock is null");
        executor.scheduleWithFixedDelay(this::reap, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a reaper run soon, without waiting for it. */
    public void nudge() {
        executor.execute(this::reap);
    }

    private void reap() {
        try {
            lock.runIfFree("blob-reaper", () -> {
                int deleted = reaper.drain();
                if (deleted > 0) {
                    LOG.info("deleted {} blobs of erased clips", deleted);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("blob clean-up failed ({}); retrying later", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
