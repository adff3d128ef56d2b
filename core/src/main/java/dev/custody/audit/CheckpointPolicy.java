package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.ledger.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to sign a checkpoint without being asked: once {@code everyEntries} entries are not yet
 * covered by one, or once any entry has waited {@code every}. Called on a short tick by the
 * server; several nodes may tick at once, since a size has one checkpoint and a second issue of it
 * returns the first.
 */
public final class CheckpointPolicy {
    private final LedgerService ledger;
    private final long everyEntries;
    private final Duration every;
    private final Clock clock;
    private Instant lastIssued;

    public CheckpointPolicy(LedgerService ledger, long everyEntries, Duration every, Clock clock) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        if (everyEntries < 1) {
            throw new IllegalArgumentException("everyEntries must be positive");
        }
        this.everyEntries = everyEntries;
        this.every = requireNonNull(every, "every is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lastIssued = clock.instant();
    }

    /**
     * Makes sure a signed checkpoint covers the whole log, signing one of its current size if
     * needed: called on a clean stop, once nothing writes any more. Returns the checkpoint it
     * signed, or empty if the latest one covered the log already.
     */
    public synchronized Optional<Checkpoint> coverAll() {
        if (ledger.status().uncovered() == 0) {
            return Optional.empty();
        }
        return Optional.of(ledger.issueCheckpoint());
    }

    /** Issues a checkpoint if one is due, and returns it. */
    public synchronized Optional<Checkpoint> tick() {
        long uncovered = ledger.status().uncovered();
        boolean due =
                uncovered >= everyEntries || (uncovered > 0 && !clock.instant().isBefore(lastIssued.plus(every)));
        if (!due) {
            return Optional.empty();
        }
        lastIssued = clock.instant();
        return Optional.of(ledger.issueCheckpoint());
    }
}
