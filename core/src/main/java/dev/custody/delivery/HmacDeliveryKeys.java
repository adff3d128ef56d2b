package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sample keys and speaker labels as keyed hashes under a grant's secret:
 *
 * <pre>
 * sample key    = hex(HMAC-SHA256(secret, "custody-sample-key/1" || 0x00 || grant || 0x00 || clip id))[0:32]
 * speaker label = hex(HMAC-SHA256(secret, "custody-speaker/1"    || 0x00 || grant || 0x00 || pseudonym))[0:32]
 * </pre>
 *
 * with every string in UTF-8 and the hex in lower case: 128 bits, so no two of a grant's 15 million
 * clips share a key in practice. Without the secret no one can tell which clip or contributor a name
 * stands for, nor link names across grants; the labels differ from the keys even for equal inputs.
 * The secret is at least 32 bytes; this class copies it and does not close the caller's copy.
 */
public final class HmacDeliveryKeys implements DeliveryKeys {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int NAME_BYTES = 16;
    private static final int MIN_SECRET = 32;

    private final SecretKeySpec secret;
    private final String grant;

    private HmacDeliveryKeys(SecretKeySpec secret, String grant) {
        this.secret = secret;
        this.grant = grant;
    }

    /** Keys for {@code grant} (its stable identifier) under {@code secret}. */
    public static HmacDeliveryKeys of(String grant, SecretBytes secret) {
        requireNonNull(grant, "grant is null");
        requireNonNull(secret, "secret is null");
        if (grant.isEmpty() || grant.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("grant must be non-empty, without NUL");
        }
        if (secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("a grant's secret has at least " + MIN_SECRET + " bytes");
        }
        byte[] bytes = secret.toArray();
        try {
            return new HmacDeliveryKeys(new SecretKeySpec(bytes, ALGORITHM), grant);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String sampleKey(ClipId clip) {
        return name("custody-sample-key/1", requireNonNull(clip, "clip is null").value());
    }

    @Override
    public String speakerLabel(Pseudonym speaker) {
        return name(
                "custody-speaker/1", requireNonNull(speaker, "speaker is null").value());
    }

    private String name(String label, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal((label + "\0" + grant + "\0" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, NAME_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "HmacDeliveryKeys[redacted]";
    }
}
