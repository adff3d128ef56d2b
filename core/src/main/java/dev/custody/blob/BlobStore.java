package dev.custody.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Stores opaque objects (always ciphertext) under random names. Kept minimal so every backend
 * (local folder, S3) can honour the same guarantees, checked by the contract suite in testkit:
 *
 * <ul>
 *   <li>{@link #write} is atomic and durable: when it returns, the object is complete and survives
 *       a crash; when it throws, no trace of the object is visible or left behind.
 *   <li>Names are chosen by the store ({@link BlobId#random()}); no string from outside ever
 *       becomes part of a path.
 * </ul>
 *
 * <p>Failures are {@link dev.custody.CustodyException}s: {@code NOT_FOUND} for a missing object,
 * {@code STORAGE_UNAVAILABLE} when the backend cannot store or read.
 */
public interface BlobStore {
    /** Streams a new object through {@code content} and returns its name once it is durable. */
    BlobId write(BlobContent content);

    /** Opens an object for reading; the caller closes the stream. */
    InputStream open(BlobId id);

    /** Whether an object exists. */
    boolean exists(BlobId id);

    /** Deletes an object; deleting one that does not exist is not an error. */
    void delete(BlobId id);

    /**
     * Hands {@code action} every object last written before {@code cutoff}, in no particular order,
     * for the sweep that deletes objects no clip names ({@link OrphanBlobSweep}); {@code action}
     * may delete the object it is handed. Names in the backend that no store chose are skipped,
     * never handed out, and objects written or deleted during the walk may be missed.
     */
    void forEachWrittenBefore(Instant cutoff, Consumer<BlobId> action);

    /**
     * Removes what writes begun before {@code startedBefore} and never finished left behind, for a
     * process that died mid-write (a temporary file, an incomplete multipart upload); returns how
     * many it removed. Writes begun since are left alone.
     */
    int removeAbandonedWrites(Instant startedBefore);

    /**
     * Writes an object's bytes; an exception aborts the write and leaves nothing behind. It may
     * close the stream it is given: finishing the object is the store's work.
     */
    @FunctionalInterface
    interface BlobContent {
        void writeTo(OutputStream out) throws IOException;
    }
}
