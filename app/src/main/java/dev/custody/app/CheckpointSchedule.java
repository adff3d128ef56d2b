package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.audit.CheckpointPolicy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ticks the checkpoint policy once a second, so checkpoints follow the log without being asked. */
public final class CheckpointSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("custody-checkpoints").factory());

    public CheckpointSchedule(CheckpointPolicy policy) {
        requireNonNull(policy, "policy is null");
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
    }
}
