package dev.custody.clip;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an upload while enforcing its size cap: reading stops at the first byte past the cap, so an
 * oversize upload is cut off without being buffered whole.
 */
final class BoundedUpload {
    private BoundedUpload() {}

    static byte[] read(InputStream upload, long maxBytes) {
        // readNBytes grows its buffers with what arrives, rather than reserving the cap up front.
        // A project's cap is at most 1 GiB (AudioLimits), so one byte past it fits an array.
        int atMost = Math.toIntExact(maxBytes + 1);
        byte[] bytes;
        try {
            bytes = upload.readNBytes(atMost);
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.INVALID_INPUT, "upload could not be read", e);
        }
        if (bytes.length > maxBytes) {
            throw new CustodyException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "upload is larger than the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }
}
