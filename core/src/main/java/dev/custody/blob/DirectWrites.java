package dev.custody.blob;

import dev.custody.blob.BlobStore.BlobContent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes new files with {@code O_DIRECT}: the bytes go from an aligned buffer to the disk, with no
 * copy into the page cache. A blob is written once and read seldom (a review, an export), so caching
 * it would only push out what is read often; and the copy into the cache, with the writeback it
 * later needs, was the largest single cost of ingest (a third of its CPU in a {@code perf} profile).
 *
 * <p>Direct I/O moves whole blocks from aligned memory: the content is gathered in an aligned
 * buffer and written a buffer at a time; the last block is padded with zeros and the file then
 * truncated to its true length. Buffers are pooled, since allocating one costs more than a write.
 * Not every file system takes direct I/O (some reject it when the file is opened): {@link #probe}
 * says whether a folder's does.
 */
final class DirectWrites {
    // The largest logical block size of Linux block devices; a multiple of every smaller one.
    private static final int ALIGNMENT = 4096;
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int POOLED_BUFFERS = 64;
    private static final Optional<OpenOption> DIRECT = directOption();

    private final BlockingQueue<ByteBuffer> pool = new ArrayBlockingQueue<>(POOLED_BUFFERS);

    /** Whether files in {@code folder} can be written directly: tries one, and deletes it. */
    static boolean probe(Path folder) {
        if (DIRECT.isEmpty()) {
            return false;
        }
        Path probe = folder.resolve("direct-io-probe");
        try {
            try (FileChannel channel = openNew(probe)) {
                channel.write(alignedBuffer(ALIGNMENT));
                channel.truncate(1);
            } finally {
                Files.deleteIfExists(probe);
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Writes a new file with the content and forces it, data and length, to disk. */
    void write(Path file, BlobContent content) throws IOException {
        ByteBuffer buffer = pool.poll();
        if (buffer == null) {
            buffer = alignedBuffer(BUFFER_SIZE);
        }
        try (FileChannel channel = openNew(file)) {
            var out = new AlignedOutput(channel, buffer.clear());
            content.writeTo(new KeepOpenOutputStream(out));
            out.finish();
            channel.force(true);
        } finally {
            pool.offer(buffer);
        }
    }

    private static FileChannel openNew(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, DIRECT.orElseThrow());
        return FileChannel.open(file, options, PrivateFolders.PRIVATE_FILE);
    }

    /**
     * The JDK's {@code O_DIRECT} option, {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}, looked
     * up at run time: the module that exports it is supported, but javac warns on any use of its
     * package at compile time, and the build treats warnings as errors.
     */
    private static Optional<OpenOption> directOption() {
        try {
            return Optional.of((OpenOption) Class.forName("com.sun.nio.file.ExtendedOpenOption")
                    .getField("DIRECT")
                    .get(null));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static ByteBuffer alignedBuffer(int size) {
        return ByteBuffer.allocateDirect(size + ALIGNMENT)
                .alignedSlice(ALIGNMENT)
                .limit(size);
    }

    /** Gathers what is written into whole aligned blocks; {@link #finish} writes the rest. */
    private static final class AlignedOutput extends OutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private long length;

        AlignedOutput(FileChannel channel, ByteBuffer buffer) {
            this.channel = channel;
            this.buffer = buffer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            while (count > 0) {
                int taken = Math.min(count, buffer.remaining());
                buffer.put(bytes, offset, taken);
                offset += taken;
                count -= taken;
                length += taken;
                if (!buffer.hasRemaining()) {
                    writeBuffer();
                }
            }
        }

        // Only whole blocks can be written: what a flush would write waits for finish().
        @Override
        public void flush() {}

        /** Pads the last block with zeros, writes it, and cuts the file to its true length. */
        void finish() throws IOException {
            if (buffer.position() > 0) {
                int padded = (buffer.position() + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
                while (buffer.position() < padded) {
                    buffer.put((byte) 0);
                }
                writeBuffer();
                channel.truncate(length);
            }
        }

        private void writeBuffer() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
