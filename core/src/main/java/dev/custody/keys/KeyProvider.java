package dev.custody.keys;

import java.util.List;

/**
 * Holds the key-encryption keys (KEKs) and performs authenticated encryption with them. Where the
 * provider is an HSM or a KMS, a KEK never leaves it; callers only ever see ciphertext and the
 * {@link KekId} that produced it.
 *
 * <p>Guarantees, checked by the contract suite in testkit: {@link #unwrap} returns exactly what
 * {@link #wrap} was given under the same KEK and associated data, and fails with {@code
 * INTEGRITY_FAILURE} for any other ciphertext, associated data or KEK. A provider that cannot be
 * reached fails with {@code KEY_PROVIDER_UNAVAILABLE} and changes nothing.
 *
 * <p>Rotation and destruction: {@link #rotate} makes a new version of a purpose's KEK, numbered one
 * above the highest version the provider ever held for it, and makes it the active one; older
 * versions stay live and still unwrap until {@link #destroy}ed. Destruction is irreversible: every
 * ciphertext made under that version fails {@code INTEGRITY_FAILURE} from then on, in this provider
 * and in any copy of its backing store made afterwards. Version numbers are never reused.
 */
public interface KeyProvider extends AutoCloseable {
    /** The KEK version that new wraps of this purpose use. */
    KekId activeKek(KeyPurpose purpose);

    /** Encrypts a small secret (a data-encryption key or an identity field) under a KEK. */
    byte[] wrap(KekId kek, byte[] plaintext, byte[] associatedData);

    /** Decrypts what {@link #wrap} produced. */
    byte[] unwrap(KekId kek, byte[] ciphertext, byte[] associatedData);

    /**
     * Creates the next version of the purpose's KEK and makes it active; returns its id. The previous
     * version stays live (it unwraps, no longer wraps).
     */
    KekId rotate(KeyPurpose purpose);

    /**
     * Irreversibly destroys one KEK version. Fails {@code CONFLICT} for the active version or one
     * already destroyed, and {@code NOT_FOUND} for a version the provider never held.
     */
    void destroy(KekId kek);

    /** The live (not destroyed) versions of the purpose's KEK, oldest first; the last is the active one. */
    List<KekId> versions(KeyPurpose purpose);

    @Override
    void close();
}
