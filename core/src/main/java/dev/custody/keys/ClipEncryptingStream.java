package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Plaintext written here is encrypted into the sink, all but the ciphertext's header, which {@link
 * #header()} returns once the stream is closed. The header (its first byte is its own length, then
 * the 32-byte salt of the clip key and the nonce prefix) is stored with the clip's metadata and
 * never beside the ciphertext: without it the clip key cannot be derived, so deleting it erases the
 * one clip.
 */
public final class ClipEncryptingStream extends FilterOutputStream {
    private final HeaderSplitter splitter;

    ClipEncryptingStream(OutputStream encrypting, HeaderSplitter splitter) {
        super(encrypting);
        this.splitter = requireNonNull(splitter, "splitter is null");
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        // FilterOutputStream would write byte by byte.
        out.write(buffer, offset, length);
    }

    /** The ciphertext header; only after {@link #close()}. */
    public Bytes header() {
        return splitter.header();
    }

    /** Keeps the first bytes of the ciphertext, the header, and passes the rest to the sink. */
    static final class HeaderSplitter extends FilterOutputStream {
        private byte[] header;
        private int kept;
        private boolean closed;

        HeaderSplitter(OutputStream sink) {
            super(sink);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            int consumed = 0;
            while (consumed < length && !headerComplete()) {
                byte next = buffer[offset + consumed++];
                if (header == null) {
                    header = new byte[Byte.toUnsignedInt(next)];
                    if (header.length == 0) {
                        throw new IOException("malformed ciphertext header");
                    }
                }
                header[kept++] = next;
            }
            if (consumed < length) {
                out.write(buffer, offset + consumed, length - consumed);
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }

        private boolean headerComplete() {
            return header != null && kept == header.length;
        }

        Bytes header() {
            if (!closed || !headerComplete()) {
                throw new IllegalStateException("the stream is not closed");
            }
            return Bytes.copyOf(Arrays.copyOf(header, header.length));
        }
    }
}
