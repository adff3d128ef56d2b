package dev.custody.access;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a web session: HMAC-SHA256, keyed by the session's own secret (256 random
 * bits, held by the browser in an HttpOnly cookie), of the label {@code custody/csrf/v1}, in
 * unpadded base64url (43 characters). A page reads it and sends it back with every request that
 * changes something; a forged cross-site request carries the cookie but cannot know the token.
 *
 * <p>Deriving it from the session secret needs no server secret and no storage, so every node
 * checks it alike; it is one per session, changes with every sign-in, and reveals nothing about the
 * secret it comes from (the HMAC is one-way), so a page that can read it still cannot read the
 * session. {@link #matches} compares in constant time.
 */
public final class CsrfToken {
    private static final byte[] LABEL = "custody/csrf/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PRESENTED = 100;

    private CsrfToken() {}

    /** The CSRF token of the session whose secret is {@code sessionSecret}. */
    public static String of(String sessionSecret) {
        requireNonNull(sessionSecret, "sessionSecret is null");
        if (sessionSecret.isEmpty()) {
            throw new IllegalArgumentException("a session secret is never empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code presented} is the CSRF token of that session, compared in constant time. */
    public static boolean matches(String sessionSecret, String presented) {
        requireNonNull(presented, "presented is null");
        if (presented.length() > MAX_PRESENTED) {
            return false;
        }
        return MessageDigest.isEqual(
                of(sessionSecret).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }
}
