package dev.custody.blob;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes blobs that no clip names, and what unfinished writes left. Ingest writes a clip's blob
 * before the transaction that records the clip, and deletes it if that transaction fails; a process
 * that dies in between, or a delete that fails too, leaves ciphertext behind that no row leads to.
 * The sweep walks the objects older than a grace period, far longer than a blob waits for its
 * clip's commit, and deletes, a batch at a time, those no clip names. Blobs of erased clips are
 * named until the reaper deletes them.
 *
 * <p>Walking every stored object is not cheap, so {@link #runIfDue} sweeps at most once per {@link
 * #INTERVAL}, however often nodes start or ask: the last finished sweep is recorded in the database.
 *
 * <p>It fails closed: crashes leave a few orphans, so a pass that finds more than its limit deletes
 * none and fails {@code INTEGRITY_FAILURE}. That is what a database that is not this store's would
 * look like (a restored old backup, or a configuration naming the wrong one), and deleting then
 * would destroy every clip the database does not know.
 */
public final class OrphanBlobSweep {
    /** A blob waits milliseconds for its clip's commit; a day leaves room for any clock skew too. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

    /** Far more than the uploads in flight when a node dies. */
    public static final int DEFAULT_MAX_ORPHANS = 1_000;

    /** How often a sweep is due. */
    public static final Duration INTERVAL = Duration.ofDays(1);

    private static final int BATCH = 500;
    private static final String LAST_RUN_SETTING = "orphan-sweep.last-run";

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final Duration grace;
    private final int maxOrphans;
    private final Clock clock;

    public OrphanBlobSweep(MetadataStore metadata, BlobStore blobs, Duration grace, int maxOrphans, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.grace = requireNonNull(grace, "grace is null");
        this.maxOrphans = maxOrphans;
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Runs the sweep unless one finished within {@link #INTERVAL}, on any node; empty when not due.
     * A sweep that fails records nothing, so the next call tries again.
     */
    public Optional<Swept> runIfDue() {
        Instant now = clock.instant();
        Optional<Instant> last = metadata.inReadTransaction(repositories -> repositories
                .settings()
                .get(LAST_RUN_SETTING)
                .map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))));
        if (last.isPresent() && now.isBefore(last.get().plus(INTERVAL))) {
            return Optional.empty();
        }
        Swept swept = run();
        metadata.useTransaction(repositories -> {
            repositories.settings().put(LAST_RUN_SETTING, Long.toString(now.toEpochMilli()));
        });
        return Optional.of(swept);
    }

    /**
     * Removes the leftovers of writes begun before the grace period, then deletes every blob older
     * than it that no clip names.
     *
     * @throws dev.custody.CustodyException {@code INTEGRITY_FAILURE}, deleting no blob, if more than
     *     the limit are named by no clip
     */
    public Swept run() {
        Instant cutoff = clock.instant().minus(grace);
        int abandonedWrites = blobs.removeAbandonedWrites(cutoff);
        var pass = new Pass();
        blobs.forEachWrittenBefore(cutoff, pass::add);
        pass.check();
        pass.orphans.forEach(blobs::delete);
        return new Swept(pass.orphans.size(), abandonedWrites);
    }

    /** What a run removed: blobs no clip named, and leftovers of writes that never finished. */
    public record Swept(int orphans, int abandonedWrites) {}

    /** The orphans found so far; the store's names are checked against the clips a batch at a time. */
    private final class Pass {
        private final List<BlobId> batch = new ArrayList<>(BATCH);
        private final List<BlobId> orphans = new ArrayList<>();

        void add(BlobId blob) {
            batch.add(blob);
            if (batch.size() == BATCH) {
                check();
            }
        }

        void check() {
            if (batch.isEmpty()) {
                return;
            }
            Set<BlobId> named = metadata.inReadTransaction(
                    repositories -> repositories.clips().namedBlobs(Set.copyOf(batch)));
            batch.stream().filter(blob -> !named.contains(blob)).forEach(orphans::add);
            batch.clear();
            if (orphans.size() > maxOrphans) {
                throw new CustodyException(
                        ErrorCode.INTEGRITY_FAILURE,
                        "more than " + maxOrphans + " stored blobs older than " + grace.toHours()
                                + " hours belong to no clip; is this the database of this blob store? Nothing was deleted");
            }
        }
    }
}
