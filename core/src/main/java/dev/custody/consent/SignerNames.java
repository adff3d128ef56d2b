package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Seals the full name a contributor types to sign a consent, as identity data: {@code
 * provider.wrap(activeKek(IDENTITY), utf8(name), "custody/consent-signer/v1|" + consentId + "|" +
 * pseudonym)}. A sealed name opens only for the consent and the person it was sealed for ({@code
 * INTEGRITY_FAILURE} otherwise), and lives as long as the contributor's identity: erasure deletes it.
 * {@link #rewrap} moves it to the active IDENTITY KEK version, for key rotation. Thread-safe.
 */
public final class SignerNames {
    private final KeyProvider provider;

    public SignerNames(KeyProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    public WrappedKey seal(ConsentId consent, Pseudonym signer, String typedName) {
        requireNonNull(typedName, "typedName is null");
        var kek = provider.activeKek(KeyPurpose.IDENTITY);
        byte[] plain = typedName.getBytes(StandardCharsets.UTF_8);
        return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, plain, associatedData(consent, signer))));
    }

    public String open(ConsentId consent, Pseudonym signer, WrappedKey sealed) {
        byte[] plain = unwrap(consent, signer, sealed);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CustodyException.integrityFailure(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The same name, sealed under the active IDENTITY KEK version for the same consent and signer. */
    public WrappedKey rewrap(ConsentId consent, Pseudonym signer, WrappedKey sealed) {
        byte[] plain = unwrap(consent, signer, sealed);
        try {
            var kek = provider.activeKek(KeyPurpose.IDENTITY);
            return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, plain, associatedData(consent, signer))));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] unwrap(ConsentId consent, Pseudonym signer, WrappedKey sealed) {
        requireNonNull(sealed, "sealed is null");
        return provider.unwrap(sealed.kek(), sealed.ciphertext().toArray(), associatedData(consent, signer));
    }

    private static byte[] associatedData(ConsentId consent, Pseudonym signer) {
        requireNonNull(consent, "consent is null");
        requireNonNull(signer, "signer is null");
        return ("custody/consent-signer/v1|" + consent.value() + "|" + signer.value()).getBytes(StandardCharsets.UTF_8);
    }
}
