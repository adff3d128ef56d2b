package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.delivery.DeliveryKeys;
import dev.custody.keys.IdentitySeal;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.SecretBytes;
import dev.custody.keys.WrappedKey;
import dev.custody.store.MetadataStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-grant secret and the keyed hashes a delivery names things by, so that two buyers cannot
 * join their datasets by key or speaker and nothing delivered names a clip id or a pseudonym.
 *
 * <p>Each grant has 32 random bytes, sealed as identity data ({@link IdentitySeal}, associated data
 * {@code "custody/grant-secret/v1|" + grantId}); the secret is never returned over the API. With it:
 *
 * <ul>
 *   <li>sample key = lowercase hex of the first 16 bytes of {@code HMAC-SHA256(secret, "sample|" +
 *       clipId)} (32 characters, no dot, as WebDataset keys need);
 *   <li>speaker label = lowercase hex of the first 8 bytes of {@code HMAC-SHA256(secret, "speaker|" +
 *       pseudonym)} (16 characters).
 * </ul>
 *
 * Throws {@code NOT_FOUND} for a grant that does not exist and {@code INTEGRITY_FAILURE} for a
 * sealed secret that does not open. Thread-safe.
 */
public final class GrantKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final MetadataStore metadata;
    private final IdentitySeal seal;

    public GrantKeys(MetadataStore metadata, KeyProvider provider) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.seal = new IdentitySeal(requireNonNull(provider, "provider is null"));
    }

    /** A fresh secret for a new grant, sealed; the plaintext is wiped before this returns. */
    WrappedKey newSecret(GrantId grant) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            return seal.seal(secret, associatedData(grant));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The grant's keyed hashes, holding its secret until closed: open once per delivery. */
    public Keyed open(GrantId grant) {
        WrappedKey sealed = metadata.inReadTransaction(
                r -> r.grants().sealedSecret(grant).orElseThrow(() -> CustodyException.notFound("no such grant")));
        return new Keyed(SecretBytes.takeOwnership(seal.open(sealed, associatedData(grant))));
    }

    /** The sample key of a clip under a grant (opens the secret for one hash). */
    public String sampleKey(GrantId grant, ClipId clip) {
        try (Keyed keyed = open(grant)) {
            return keyed.sampleKey(clip);
        }
    }

    /** The speaker label of a contributor under a grant (opens the secret for one hash). */
    public String speakerLabel(GrantId grant, Pseudonym speaker) {
        try (Keyed keyed = open(grant)) {
            return keyed.speakerLabel(speaker);
        }
    }

    /** What a grant's sealed secret is bound to, so it opens for that grant alone (also when rewrapped). */
    public static String associatedData(GrantId grant) {
        return "custody/grant-secret/v1|"
                + requireNonNull(grant, "grant is null").value();
    }

    /** One grant's secret, open, naming the samples and speakers of its deliveries; wiped on {@link #close}. */
    public static final class Keyed implements AutoCloseable, DeliveryKeys {
        private final SecretBytes secret;

        private Keyed(SecretBytes secret) {
            this.secret = secret;
        }

        @Override
        public String sampleKey(ClipId clip) {
            return HEX.formatHex(hmac("sample|" + clip.value()), 0, 16);
        }

        @Override
        public String speakerLabel(Pseudonym speaker) {
            return HEX.formatHex(hmac("speaker|" + speaker.value()), 0, 8);
        }

        private byte[] hmac(String message) {
            byte[] key = secret.toArray();
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new CustodyException(ErrorCode.INTERNAL, "HMAC-SHA256 is unavailable", e);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }

        @Override
        public void close() {
            secret.close();
        }
    }
}
