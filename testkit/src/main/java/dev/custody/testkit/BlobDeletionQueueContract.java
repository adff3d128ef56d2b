package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.blob.BlobId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.BlobDeletionQueue}. Run through {@link RepositoryContract}. */
public abstract class BlobDeletionQueueContract extends RepositoryContractSupport {
    @Test
    void next_returnsTheOldestFirstUpToTheLimit() {
        // Queued long before any other test's entries, so they come first; removed afterwards.
        List<BlobId> blobs = List.of(BlobId.random(), BlobId.random(), BlobId.random());
        write(r -> {
            r.blobDeletions().enqueue(blobs.get(2), Instant.ofEpochMilli(3));
            r.blobDeletions().enqueue(blobs.get(0), Instant.ofEpochMilli(1));
            r.blobDeletions().enqueue(blobs.get(1), Instant.ofEpochMilli(2));
        });
        try {
            assertThat(list(r -> r.blobDeletions().next(2))).containsExactly(blobs.get(0), blobs.get(1));
        } finally {
            write(r -> blobs.forEach(r.blobDeletions()::remove));
        }
    }

    @Test
    void enqueue_sameBlobTwice_queuesItOnce() {
        BlobId blob = BlobId.random();
        write(r -> r.blobDeletions().enqueue(blob, at(1)));
        write(r -> r.blobDeletions().enqueue(blob, at(2)));

        assertThat(list(r -> r.blobDeletions().next(Integer.MAX_VALUE))).containsOnlyOnce(blob);
        write(r -> r.blobDeletions().remove(blob));
    }

    @Test
    void remove_dropsOnlyThatBlob() {
        BlobId removed = BlobId.random();
        BlobId kept = BlobId.random();
        write(r -> {
            r.blobDeletions().enqueue(removed, at(1));
            r.blobDeletions().enqueue(kept, at(1));
        });

        write(r -> r.blobDeletions().remove(removed));

        List<BlobId> queued = tx(r -> r.blobDeletions().next(Integer.MAX_VALUE));
        assertThat(queued).contains(kept).doesNotContain(removed);
        write(r -> r.blobDeletions().remove(kept));
    }
}
