package dev.custody.access;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps from the Unix
 * epoch, 6 digits, the profile every authenticator app implements. {@link #verify} accepts the
 * current step and one step either side (clock drift) and returns the step that matched, so the
 * caller can refuse a code used before.
 */
public final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final int MODULUS = 1_000_000;

    private Totp() {}

    /** The code for time step {@code step}, as 6 digits with leading zeros. */
    public static String code(byte[] secret, long step) {
        requireNonNull(secret, "secret is null");
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] mac = hmacSha1(secret, counter);
        // RFC 4226 section 5.3, dynamic truncation.
        int offset = mac[mac.length - 1] & 0x0f;
        int binary = ((mac[offset] & 0x7f) << 24)
                | ((mac[offset + 1] & 0xff) << 16)
                | ((mac[offset + 2] & 0xff) << 8)
                | (mac[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % MODULUS);
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step whose code equals {@code presented}, trying the step of {@code now} and one either
     * side; empty if none does. Every candidate is computed and compared in constant time.
     */
    public static OptionalLong verify(byte[] secret, String presented, Instant now) {
        requireNonNull(presented, "presented is null");
        requireNonNull(now, "now is null");
        long current = step(now);
        byte[] given = presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long matched = -1;
        for (long step = current - 1; step <= current + 1; step++) {
            byte[] expected = code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static byte[] hmacSha1(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from the JDK", e);
        }
    }
}
