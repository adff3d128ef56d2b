package dev.custody;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Random identifiers: a short type prefix and 128 random bits in lower-case base32 (26
 * characters). They reveal nothing about the person or the time, and their strict shape means an
 * identifier from outside can never carry a path, a quote or a control character.
 */
public final class Identifiers {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern BODY = Pattern.compile("[a-z2-7]{26}");

    private Identifiers() {}

    public static String random(String prefix) {
        byte[] bits = new byte[17];
        RANDOM.nextBytes(bits);
        StringBuilder id =
                new StringBuilder(prefix.length() + 1 + 26).append(prefix).append('_');
        // 26 characters of 5 bits use 130 bits; the 2 extra bits are random too.
        for (int i = 0; i < 26; i++) {
            int bit = i * 5;
            int word = ((bits[bit / 8] & 0xff) << 8) | (bits[bit / 8 + 1] & 0xff);
            id.append(ALPHABET[(word >>> (11 - bit % 8)) & 0x1f]);
        }
        return id.toString();
    }

    /** Returns {@code value} if it is an identifier with this prefix, else throws INVALID_INPUT. */
    public static String require(String prefix, String value, String what) {
        requireNonNull(value, what + " is null");
        if (!matches(prefix, value)) {
            throw CustodyException.invalidInput("malformed " + what);
        }
        return value;
    }

    /** Whether {@code value} is an identifier with this prefix. */
    public static boolean matches(String prefix, String value) {
        return value.length() == prefix.length() + 27
                && value.startsWith(prefix + "_")
                && BODY.matcher(value)
                        .region(prefix.length() + 1, value.length())
                        .matches();
    }
}
