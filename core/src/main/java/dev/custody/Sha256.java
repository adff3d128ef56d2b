package dev.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of bytes or of UTF-8 text, as {@link Bytes}. */
public final class Sha256 {
    /** The hash of nothing: what ledger entries record for a value that did not exist before. */
    public static final Bytes OF_NOTHING = of(new byte[0]);

    private Sha256() {}

    public static Bytes of(byte[] data) {
        try {
            return Bytes.copyOf(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    public static Bytes of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
