package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Seals small secrets as identity data: {@code provider.wrap(activeKek(IDENTITY), plain,
 * utf8(associatedData))}, where the associated data names what the secret belongs to, so it opens
 * only for that (otherwise {@code INTEGRITY_FAILURE}). {@link #rewrap} moves a sealed secret to the
 * active IDENTITY KEK version, for key rotation. Plaintext that passes through is wiped. Thread-safe.
 */
public final class IdentitySeal {
    private final KeyProvider provider;

    public IdentitySeal(KeyProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    /** Seals {@code plain}, which the caller still owns (and wipes). */
    public WrappedKey seal(byte[] plain, String associatedData) {
        requireNonNull(plain, "plain is null");
        var kek = provider.activeKek(KeyPurpose.IDENTITY);
        return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, plain, bytes(associatedData))));
    }

    public WrappedKey sealText(String text, String associatedData) {
        requireNonNull(text, "text is null");
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            return seal(plain, associatedData);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The secret's bytes, which the caller owns and wipes. */
    public byte[] open(WrappedKey sealed, String associatedData) {
        requireNonNull(sealed, "sealed is null");
        return provider.unwrap(sealed.kek(), sealed.ciphertext().toArray(), bytes(associatedData));
    }

    /** The secret as text; {@code INTEGRITY_FAILURE} if it is not UTF-8 (it was not sealed as text). */
    public String openText(WrappedKey sealed, String associatedData) {
        byte[] plain = open(sealed, associatedData);
        try {
            return strictUtf8(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The same secret, sealed under the active IDENTITY KEK version with the same associated data. */
    public WrappedKey rewrap(WrappedKey sealed, String associatedData) {
        byte[] plain = open(sealed, associatedData);
        try {
            return seal(plain, associatedData);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Decodes UTF-8 strictly: authenticated bytes that are not text were not sealed as text. */
    static String strictUtf8(byte[] plain) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static byte[] bytes(String associatedData) {
        return requireNonNull(associatedData, "associatedData is null").getBytes(StandardCharsets.UTF_8);
    }
}
