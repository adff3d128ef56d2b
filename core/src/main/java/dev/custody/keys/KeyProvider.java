package dev.custody.keys;

/**
 * Holds the key-encryption keys (KEKs) and performs authenticated encryption with them. Where the
 * provider is an HSM or a KMS, a KEK never leaves it; callers only ever see ciphertext and the
 * {@link KekId} that produced it.
 *
 * <p>Guarantees, checked by the contract suite in testkit: {@link #unwrap} returns exactly what
 * {@link #wrap} was given under the same KEK and associated data, and fails with {@code
 * INTEGRITY_FAILURE} for any other ciphertext, associated data or KEK. A provider that cannot be
 * reached fails with {@code KEY_PROVIDER_UNAVAILABLE} and changes nothing.
 */
public interface KeyProvider extends AutoCloseable {
    /** The KEK version that new wraps of this purpose use. */
    KekId activeKek(KeyPurpose purpose);

    /** Encrypts a small secret (a data-encryption key or an identity field) under a KEK. */
    byte[] wrap(KekId kek, byte[] plaintext, byte[] associatedData);

    /** Decrypts what {@link #wrap} produced. */
    byte[] unwrap(KekId kek, byte[] ciphertext, byte[] associatedData);

    @Override
    void close();
}
