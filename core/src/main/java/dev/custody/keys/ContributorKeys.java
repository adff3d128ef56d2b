package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.Pseudonym;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Makes and opens contributors' voice data-encryption keys (DEKs). A DEK is a Tink keyset holding
 * one AES-256-GCM-HKDF streaming key (32-byte key, HKDF-SHA256, 32-byte derived per-clip keys) and
 * exists outside memory only wrapped under the active VOICE KEK.
 *
 * <p>Wrapped DEK: {@code provider.wrap(kek, keyset, "custody/voice-dek/v1|" + pseudonym)}, where
 * {@code keyset} is the Tink binary keyset (protobuf) and the associated data is UTF-8, so a DEK
 * unwraps only for the contributor it was made for. Erasing a contributor is deleting this value.
 *
 * <p>{@link #clipCipher} fails {@code INTEGRITY_FAILURE} for a wrapped key that does not unwrap
 * (tampered, another contributor's, or its KEK destroyed) or does not hold a streaming keyset.
 * Thread-safe.
 */
public final class ContributorKeys {
    /**
     * Ciphertext segment size of new DEKs: 64 KiB measured fastest here, for 5 s 16 kHz clips and
     * 10 s 48 kHz 24-bit clips alike ({@code custody bench crypto}, ClipEncryptionBenchmark). The
     * size is part of each keyset, so keys made with another size keep working.
     */
    public static final int CLIP_SEGMENT_SIZE = 64 * 1024;

    public static final int MIN_SEGMENT_SIZE = 1024;
    public static final int MAX_SEGMENT_SIZE = 16 * 1024 * 1024;

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeyProvider provider;
    private final AesGcmHkdfStreamingParameters parameters;

    public ContributorKeys(KeyProvider provider) {
        this(provider, CLIP_SEGMENT_SIZE);
    }

    private ContributorKeys(KeyProvider provider, int segmentSize) {
        this.provider = requireNonNull(provider, "provider is null");
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size out of range");
        }
        try {
            this.parameters = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(segmentSize)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid streaming parameters", e);
        }
    }

    /** New DEKs get this ciphertext segment size (in bytes); opening works for any size. */
    public static ContributorKeys withSegmentSize(KeyProvider provider, int segmentSize) {
        return new ContributorKeys(provider, segmentSize);
    }

    /** A fresh DEK for the contributor, wrapped under the active VOICE KEK. */
    public WrappedKey newVoiceKey(Pseudonym contributor) {
        requireNonNull(contributor, "contributor is null");
        KekId kek = provider.activeKek(KeyPurpose.VOICE);
        byte[] keyset;
        try {
            // Serialized in plain only to be wrapped at once, then wiped.
            keyset = TinkProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a streaming key", e);
        }
        try {
            return new WrappedKey(kek, Bytes.copyOf(provider.wrap(kek, keyset, associatedData(contributor))));
        } finally {
            Arrays.fill(keyset, (byte) 0);
        }
    }

    /** Unwraps the contributor's DEK into a cipher for their clips. */
    public ClipCipher clipCipher(WrappedKey key, Pseudonym contributor) {
        requireNonNull(key, "key is null");
        requireNonNull(contributor, "contributor is null");
        byte[] keyset = provider.unwrap(key.kek(), key.ciphertext().toArray(), associatedData(contributor));
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
            return new ClipCipher(handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
        } catch (GeneralSecurityException e) {
            throw CustodyException.integrityFailure(e);
        } finally {
            Arrays.fill(keyset, (byte) 0);
        }
    }

    /**
     * The same DEK wrapped under the active VOICE KEK, for the same contributor: the clips it
     * encrypts are untouched. Fails {@code INTEGRITY_FAILURE} as {@link #clipCipher} does.
     */
    public WrappedKey rewrap(WrappedKey key, Pseudonym contributor) {
        requireNonNull(key, "key is null");
        requireNonNull(contributor, "contributor is null");
        KekId active = provider.activeKek(KeyPurpose.VOICE);
        byte[] aad = associatedData(contributor);
        byte[] keyset = provider.unwrap(key.kek(), key.ciphertext().toArray(), aad);
        try {
            return new WrappedKey(active, Bytes.copyOf(provider.wrap(active, keyset, aad)));
        } finally {
            Arrays.fill(keyset, (byte) 0);
        }
    }

    private static byte[] associatedData(Pseudonym contributor) {
        return ("custody/voice-dek/v1|" + contributor.value()).getBytes(StandardCharsets.UTF_8);
    }
}
