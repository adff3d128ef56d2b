package dev.custody.jdbc;

import dev.custody.blob.BlobId;
import dev.custody.store.BlobDeletionQueue;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The queue of blobs to delete. Enqueueing a blob already queued keeps its first queuing time. */
final class JdbcBlobDeletionQueue implements BlobDeletionQueue {
    private final Handle handle;

    JdbcBlobDeletionQueue(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void enqueue(BlobId blob, Instant queuedAt) {
        // Idempotent: an erasure retried after a crash may queue the same blob again.
        handle.createUpdate("INSERT INTO blob_deletions (blob_id, queued_at) VALUES (:blob, :queuedAt)"
                        + " ON CONFLICT (blob_id) DO NOTHING")
                .bind("blob", blob.value())
                .bind("queuedAt", queuedAt.toEpochMilli())
                .execute();
    }

    @Override
    public void enqueueAll(List<BlobId> blobs, Instant queuedAt) {
        if (blobs.isEmpty()) {
            return;
        }
        // One batch, not one round trip per blob: erasing a contributor with thousands of clips.
        PreparedBatch batch =
                handle.prepareBatch("INSERT INTO blob_deletions (blob_id, queued_at) VALUES (:blob, :queuedAt)"
                        + " ON CONFLICT (blob_id) DO NOTHING");
        for (BlobId blob : blobs) {
            batch.bind("blob", blob.value())
                    .bind("queuedAt", queuedAt.toEpochMilli())
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<BlobId> next(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative");
        }
        return handle.createQuery("SELECT blob_id FROM blob_deletions ORDER BY queued_at, blob_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new BlobId(rs.getString("blob_id")))
                .list();
    }

    @Override
    public void remove(BlobId blob) {
        handle.createUpdate("DELETE FROM blob_deletions WHERE blob_id = :blob")
                .bind("blob", blob.value())
                .execute();
    }
}
