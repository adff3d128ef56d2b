package dev.custody.clip;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an upload while enforcing its size cap: reading stops at the first byte past the cap, so an
 * oversize upload is cut off without being buffered whole.
 */
final class BoundedUpload {
    private BoundedUpload() {}

    static byte[] read(InputStream upload, long maxBytes) {
        var buffer = new ByteArrayOutputStream((int) Math.min(maxBytes, 1 << 20));
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = upload.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1 - total))) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new CustodyException(
                            ErrorCode.PAYLOAD_TOO_LARGE, "upload is larger than the limit of " + maxBytes + " bytes");
                }
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.INVALID_INPUT, "upload could not be read", e);
        }
        return buffer.toByteArray();
    }
}
