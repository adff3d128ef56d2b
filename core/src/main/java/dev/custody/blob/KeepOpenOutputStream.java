package dev.custody.blob;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hands a content callback the store's stream without letting it close the file: a callback that
 * closes its stream (as try-with-resources does) must not keep the store from forcing the file to
 * disk afterwards.
 */
final class KeepOpenOutputStream extends FilterOutputStream {
    KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // FilterOutputStream would write byte by byte.
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
