package dev.custody.blob;

import static java.util.Objects.requireNonNull;

import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes blobs that no clip names. Ingest writes a clip's blob before the transaction that records
 * the clip, and deletes it if that transaction fails; a process that dies in between, or a delete
 * that fails too, leaves ciphertext behind that no row leads to. The sweep walks the objects older
 * than a grace period, far longer than a blob waits for its clip's commit, and deletes, a batch at a
 * time, those no clip names. Blobs of erased clips are named until the reaper deletes them.
 */
public final class OrphanBlobSweep {
    /** A blob waits milliseconds for its clip's commit; a day leaves room for any clock skew too. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

    private static final int BATCH = 500;

    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final Duration grace;
    private final Clock clock;

    public OrphanBlobSweep(MetadataStore metadata, BlobStore blobs, Duration grace, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
        this.grace = requireNonNull(grace, "grace is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Deletes every blob older than the grace period that no clip names; returns how many. */
    public int run() {
        var pass = new Pass();
        blobs.forEachWrittenBefore(clock.instant().minus(grace), pass::add);
        pass.flush();
        return pass.deleted;
    }

    private final class Pass {
        private final List<BlobId> batch = new ArrayList<>(BATCH);
        private int deleted;

        void add(BlobId blob) {
            batch.add(blob);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Set<BlobId> named = metadata.inReadTransaction(
                    repositories -> repositories.clips().namedBlobs(Set.copyOf(batch)));
            for (BlobId blob : batch) {
                if (!named.contains(blob)) {
                    blobs.delete(blob);
                    deleted++;
                }
            }
            batch.clear();
        }
    }
}
