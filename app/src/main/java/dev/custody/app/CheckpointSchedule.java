package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.audit.CheckpointPolicy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks the checkpoint policy once a second, so checkpoints follow the log without being asked, and
 * on close signs a checkpoint of the log's final size: an export taken while the server is down is
 * then covered to its last entry. Close it after everything that writes to the log has stopped,
 * and before the database closes.
 */
public final class CheckpointSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final CheckpointPolicy policy;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("custody-checkpoints").factory());

    public CheckpointSchedule(CheckpointPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        policy.tick();
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "checkpoint not issued ({}); retrying",
                                e.getClass().getSimpleName());
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            policy.coverAll()
                    .ifPresentOrElse(
                            signed ->
                                    LOG.info("signed a checkpoint of the final ledger size {} at stop", signed.size()),
                            () -> LOG.info("the ledger was covered by a signed checkpoint already at stop"));
        } catch (RuntimeException e) {
            LOG.warn(
                    "no checkpoint of the final ledger size at stop ({}); the next start signs one",
                    e.getClass().getSimpleName());
        }
    }
}
