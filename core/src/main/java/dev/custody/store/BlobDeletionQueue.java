package dev.custody.store;

import dev.custody.blob.BlobId;
import java.time.Instant;
import java.util.List;

/**
 * Blobs waiting to be deleted. Queued in the same transaction as the change that orphaned them, so
 * a crash between that change and the deletion loses nothing: the background reaper retries.
 */
public interface BlobDeletionQueue {
    void enqueue(BlobId blob, Instant queuedAt);

    /** Queues many blobs at once (an erasure may orphan thousands). */
    default void enqueueAll(List<BlobId> blobs, Instant queuedAt) {
        blobs.forEach(blob -> enqueue(blob, queuedAt));
    }

    /** Up to {@code limit} queued blobs, oldest first. */
    List<BlobId> next(int limit);

    void remove(BlobId blob);
}
