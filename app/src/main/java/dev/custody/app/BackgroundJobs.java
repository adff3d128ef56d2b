package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.blob.OrphanBlobSweep;
import dev.custody.clip.IngestService;
import dev.custody.contributor.ErasureService;
import dev.custody.keyadmin.KeyRotationService;
import dev.custody.retention.RetentionRun;
import dev.custody.retention.RetentionService;
import dev.custody.store.JobLock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background jobs on a schedule and whenever {@link #nudge()} asks (after an erasure).
 * One thread, so runs never overlap in this node; the {@link JobLock} keeps them from overlapping
 * across nodes: a node that finds a job running elsewhere skips its turn, and whatever was queued
 * after that other run started waits for the next tick. A failed run is logged and retried at the
 * next tick.
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int REWRAP_BATCH = 500;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("custody-jobs").factory());
    private final JobLock lock;
    private final List<Job> jobs;

    private BackgroundJobs(JobLock lock, List<Job> jobs, Duration interval) {
        this.lock = requireNonNull(lock, "lock is null");
        this.jobs = List.copyOf(jobs);
        executor.scheduleWithFixedDelay(this::runAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static BackgroundJobs start(JobLock lock, Duration interval, Job... jobs) {
        return new BackgroundJobs(lock, List.of(jobs), interval);
    }

    /** Asks for a run of every job soon, without waiting for it. */
    public void nudge() {
        executor.execute(this::runAll);
    }

    private void runAll() {
        for (Job job : jobs) {
            try {
                lock.runIfFree(job.name(), job.work());
            } catch (CustodyException e) {
                // Written for whoever is told, it holds no secret and says what went wrong.
                LOG.warn("{} failed ({}: {}); retrying later", job.name(), e.code(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn(
                        "{} failed ({}); retrying later",
                        job.name(),
                        e.getClass().getSimpleName());
            }
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

    /** A named piece of background work; the name is what the job lock is taken on. */
    public record Job(String name, Runnable work) {
        public Job {
            requireNonNull(name, "name is null");
            requireNonNull(work, "work is null");
        }

        /** Finishes what erasures left to the background: the deletion of the blobs they queued. */
        public static Job afterErasure(ErasureService erasure) {
            return new Job("after-erasure", () -> {
                int deleted = erasure.followUp();
                if (deleted > 0) {
                    LOG.info("deleted {} blobs of erased clips", deleted);
                }
            });
        }

        /**
         * Deletes the blobs no clip names, left by an ingest that died before recording its clip,
         * and what writes that never finished left in the store: once a day at most, however often
         * it is asked ({@link OrphanBlobSweep#runIfDue}).
         */
        public static Job orphanBlobs(OrphanBlobSweep sweep) {
            return new Job(
                    "orphan-blobs",
                    () -> sweep.runIfDue()
                            .filter(swept -> swept.orphans() > 0 || swept.abandonedWrites() > 0)
                            .ifPresent(swept -> LOG.info(
                                    "deleted {} blobs that no clip names and {} unfinished writes",
                                    swept.orphans(),
                                    swept.abandonedWrites())));
        }

        /**
         * Erases the clips past their project's retention and the contributors inactive for 3
         * years, acting as the installation's administrator, as the other jobs do; the ledger
         * entries name the purpose {@code retention}.
         */
        public static Job retention(RetentionService retention) {
            return new Job("retention", () -> {
                RetentionRun run = retention.run(Principal.bootstrapAdmin());
                if (run.expiredClips() > 0 || run.inactiveContributors() > 0) {
                    LOG.info(
                            "retention erased {} expired clips and {} inactive contributors ({} clips)",
                            run.expiredClips(),
                            run.inactiveContributors(),
                            run.clipsOfInactiveContributors());
                }
            });
        }

        /** Forgets the idempotency keys of uploads once their 24 hours have passed. */
        public static Job expiredUploadKeys(IngestService ingest) {
            return new Job("upload-keys", () -> {
                int forgotten = ingest.forgetExpiredKeys();
                if (forgotten > 0) {
                    LOG.info("forgot {} expired idempotency keys", forgotten);
                }
            });
        }

        /**
         * Rotates the KEKs when the schedule says, and destroys the retired versions no row and no
         * backup needs any more ({@link KeyRotationService#runSchedule}); run before the rewrap, so
         * a rotation's keys start moving at once.
         */
        public static Job keySchedule(KeyRotationService keys) {
            return new Job("key-schedule", () -> {
                var run = keys.runSchedule(Principal.bootstrapAdmin());
                run.rotatedTo().forEach(kek -> LOG.info("scheduled rotation: {} is now active", kek));
                run.destroyed().forEach(kek -> LOG.info("destroyed {}: the backup retention has passed", kek));
            });
        }

        /**
         * Moves wrapped keys from retired KEK versions to the active ones, batch by batch, until
         * none is left: resumable by construction, since the work left is read from the database.
         */
        public static Job keyRewrap(KeyRotationService keys) {
            return new Job("key-rewrap", () -> {
                var progress = keys.rewrap(Principal.bootstrapAdmin(), REWRAP_BATCH);
                while (!progress.finished() && progress.rewrapped() > 0) {
                    progress = keys.rewrap(Principal.bootstrapAdmin(), REWRAP_BATCH);
                }
                if (progress.rewrapped() > 0) {
                    LOG.info("rewrapped keys to the active KEK versions");
                }
            });
        }
    }
}
