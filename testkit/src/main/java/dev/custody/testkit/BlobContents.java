package dev.custody.testkit;

import static java.util.Objects.requireNonNull;

import dev.custody.blob.BlobStore.BlobContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/** Blob contents for blob store tests: reproducible random bytes, and writers that fail midway. */
public final class BlobContents {
    private static final int CHUNK = 8 * 1024;

    private BlobContents() {}

    /** {@code size} bytes from a {@link Random} seeded with {@code seed}: the same on every call. */
    public static byte[] random(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** Writes {@code bytes} bytes in chunks, then throws {@code failure}. */
    public static BlobContent failingAfter(long bytes, IOException failure) {
        requireNonNull(failure, "failure is null");
        return out -> {
            writeZeros(out, bytes);
            throw failure;
        };
    }

    /** Writes {@code bytes} bytes in chunks, then throws {@code failure}. */
    public static BlobContent failingAfter(long bytes, RuntimeException failure) {
        requireNonNull(failure, "failure is null");
        return out -> {
            writeZeros(out, bytes);
            throw failure;
        };
    }

    /** Writes {@code bytes} zero bytes in chunks, so that a backend's buffers fill and spill. */
    public static BlobContent zeros(long bytes) {
        return out -> writeZeros(out, bytes);
    }

    private static void writeZeros(OutputStream out, long bytes) throws IOException {
        byte[] chunk = new byte[CHUNK];
        for (long left = bytes; left > 0; left -= CHUNK) {
            out.write(chunk, 0, (int) Math.min(CHUNK, left));
        }
    }
}
