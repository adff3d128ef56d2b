package dev.custody.blob;

import static java.util.Objects.requireNonNull;

import dev.custody.store.MetadataStore;
import java.util.List;

/**
 * Deletes the blobs queued for deletion (after an erasure, for example). Deleting first and
 * dequeuing after means a crash in between only repeats an idempotent delete.
 */
public final class BlobReaper {
    private static final int BATCH = 500;

    private final MetadataStore metadata;
    private final BlobStore blobs;

    public BlobReaper(MetadataStore metadata, BlobStore blobs) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
    }

    /** Deletes every queued blob and returns how many were deleted. */
    public int drain() {
        int deleted = 0;
        List<BlobId> batch;
        do {
            batch = metadata.inTransaction(
                    repositories -> repositories.blobDeletions().next(BATCH));
            for (BlobId blob : batch) {
                blobs.delete(blob);
                metadata.useTransaction(repositories -> {
                    repositories.blobDeletions().remove(blob);
                });
                deleted++;
            }
        } while (batch.size() == BATCH);
        return deleted;
    }
}
