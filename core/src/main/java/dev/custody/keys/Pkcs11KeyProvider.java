package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.security.Key;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link KeyProvider} whose KEKs live in a PKCS#11 token (an HSM; SoftHSM2 in tests), reached
 * through the JDK's SunPKCS11 provider. A KEK is an AES-256 key generated inside the token as a
 * sensitive, never-extractable token object usable only to encrypt and decrypt; it never exists in
 * the JVM ({@link Key#getEncoded()} is null). For a label prefix {@code p}, the KEKs are the token
 * objects labelled {@code p-voice-vN} and {@code p-identity-vN}, named {@code pkcs11://p-voice;v=N}
 * and {@code pkcs11://p-identity;v=N}; the highest version present is the active one, and {@link
 * #open} creates version 1 of a purpose that has none. {@link #rotate} generates the object of the
 * next version; {@link #destroy} deletes a version's object from the token (the KeyStore's {@code
 * deleteEntry}, C_DestroyObject), after which nothing, inside the token or out, holds the key. A
 * missing version below the highest is a destroyed one. Another node sharing the token sees a
 * rotation when it next opens its provider; until then it keeps wrapping under the version it knew,
 * which a later rewrap moves on.
 *
 * <h2>Wrapped key format</h2>
 *
 * <pre>
 *   1  format version, 0x01
 *  12  IV, random per call (made in the JVM, handed to the token)
 *   n  AES-256-GCM ciphertext of the n plaintext bytes, computed inside the token
 *  16  GCM tag
 * </pre>
 *
 * The GCM associated data is {@code len(k) || k || len(a) || a}, exactly as for {@link
 * LocalKeyring}: {@code k} the UTF-8 of the KekId's string form, {@code a} the caller's associated
 * data, each {@code len} 4 bytes big-endian; so a ciphertext made under one KEK never opens under
 * another. RFC 5649 key wrapping is not used: SunPKCS11 offers {@code AES/KW} and {@code AES/KWP}
 * only where the token has them, and SoftHSM2 does not; GCM is what every token offers.
 *
 * <h2>Errors</h2>
 *
 * {@link #open} fails {@code KEY_PROVIDER_UNAVAILABLE} when the library is missing or cannot be
 * loaded, the slot holds no token, or the token refuses the PIN; the message never holds the PIN,
 * and nothing in the token is touched before the login succeeds. {@link #unwrap} fails {@code
 * INTEGRITY_FAILURE} for a ciphertext, associated data or KekId it did not make, {@link #wrap}
 * {@code NOT_FOUND} under a KekId that is not active. A failure of the token or the provider during
 * a call fails {@code KEY_PROVIDER_UNAVAILABLE} and ends the login; the next call logs in again, so
 * a token whose library lets it come back is used again without a restart (SoftHSM2 does not: a
 * token whose folder vanished stays invalid until the process ends). A wrong GCM tag fails {@code
 * INTEGRITY_FAILURE}; SoftHSM2 reports it as {@code CKR_GENERAL_ERROR}, which SunPKCS11 turns into a
 * bad tag, so a general error of the token while decrypting reads the same. After {@link
 * #close()}, which logs out and wipes the PIN, every method throws {@link IllegalStateException}.
 *
 * <p>A token's login belongs to the whole process: closing a provider logs out every other one on
 * the same token, which then fails one call and logs in again; keep one provider per token and
 * process. Two first opens at once, from two nodes sharing a token, would each create a version 1;
 * open the first node alone. Thread-safe.
 */
public final class Pkcs11KeyProvider implements KeyProvider {
    private final Pkcs11Config config;
    private final Pkcs11KekNames names;
    private final SecretBytes pin;
    private volatile Map<KeyPurpose, KekId> active;
    private volatile Pkcs11Session session;
    private volatile boolean closed;

    private Pkcs11KeyProvider(Pkcs11Config config, SecretBytes pin, Pkcs11Session session) {
        this.config = config;
        this.names = new Pkcs11KekNames(config.keyLabelPrefix());
        this.pin = pin;
        this.session = session;
        Map<KeyPurpose, KekId> active = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            active.put(purpose, activeOrCreate(session, names, purpose));
        }
        this.active = Map.copyOf(active);
    }

    /** Logs in to the token and finds, or creates, the active KEKs; see the class documentation. */
    public static Pkcs11KeyProvider open(Pkcs11Config config) {
        requireNonNull(config, "config is null");
        SecretBytes pin = SecretBytes.copyOf(config.pin().toArray());
        Pkcs11Session session = null;
        try {
            session = Pkcs11Session.login(config.library(), config.slot(), pin);
            return new Pkcs11KeyProvider(config, pin, session);
        } catch (RuntimeException e) {
            if (session != null) {
                session.logout();
            }
            pin.close();
            throw e;
        }
    }

    @Override
    public KekId activeKek(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        return active.get(purpose);
    }

    @Override
    public byte[] wrap(KekId kek, byte[] plaintext, byte[] associatedData) {
        requireNonNull(kek, "kek is null");
        requireNonNull(plaintext, "plaintext is null");
        requireNonNull(associatedData, "associatedData is null");
        checkOpen();
        if (!active.containsValue(kek)) {
            throw CustodyException.notFound("no active key-encryption key " + kek + " in this token");
        }
        return call(session -> {
            Key key = session.key(names.label(kek))
                    .orElseThrow(() -> CustodyException.notFound("no key-encryption key " + kek + " in the token"));
            return Pkcs11Gcm.seal(session.provider(), key, kek, plaintext, associatedData);
        });
    }

    @Override
    public byte[] unwrap(KekId kek, byte[] ciphertext, byte[] associatedData) {
        requireNonNull(kek, "kek is null");
        requireNonNull(ciphertext, "ciphertext is null");
        requireNonNull(associatedData, "associatedData is null");
        checkOpen();
        if (!Pkcs11Gcm.wellFormed(ciphertext) || !names.isOurs(kek)) {
            throw CustodyException.integrityFailure();
        }
        return call(session -> {
            // A KekId the token does not hold is treated like a ciphertext it did not make.
            Key key = session.key(names.label(kek)).orElseThrow(CustodyException::integrityFailure);
            return Pkcs11Gcm.open(session.provider(), key, kek, ciphertext, associatedData);
        });
    }

    @Override
    public synchronized KekId rotate(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        KekId next = call(session -> {
            KekId kek = names.kek(purpose, names.latestVersion(session.labels(), purpose) + 1);
            session.createKey(names.label(kek));
            return kek;
        });
        Map<KeyPurpose, KekId> changed = new EnumMap<>(active);
        changed.put(purpose, next);
        active = Map.copyOf(changed);
        return next;
    }

    @Override
    public synchronized void destroy(KekId kek) {
        requireNonNull(kek, "kek is null");
        checkOpen();
        if (!names.isOurs(kek)) {
            throw CustodyException.notFound("no key-encryption key " + kek + " in this token");
        }
        if (active.containsValue(kek)) {
            throw new CustodyException(
                    ErrorCode.CONFLICT, "key-encryption key " + kek + " is active: rotate before destroying it");
        }
        call(session -> {
            List<Integer> versions = names.versions(session.labels(), names.purpose(kek));
            if (versions.isEmpty() || kek.version() > versions.getLast()) {
                throw CustodyException.notFound("no key-encryption key " + kek + " in this token");
            }
            if (kek.version() == versions.getLast()) {
                throw new CustodyException(
                        ErrorCode.CONFLICT, "key-encryption key " + kek + " is active: rotate before destroying it");
            }
            if (!versions.contains(kek.version())) {
                throw new CustodyException(ErrorCode.CONFLICT, "key-encryption key " + kek + " was already destroyed");
            }
            session.deleteKey(names.label(kek));
            return kek;
        });
    }

    @Override
    public List<KekId> versions(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        return call(session -> names.versions(session.labels(), purpose).stream()
                .map(version -> names.kek(purpose, version))
                .toList());
    }

    /** Logs out of the token and wipes the PIN. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.logout();
            session = null;
        }
        pin.close();
    }

    private <T> T call(Function<Pkcs11Session, T> operation) {
        Pkcs11Session current = session();
        try {
            return operation.apply(current);
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.KEY_PROVIDER_UNAVAILABLE) {
                forget(current);
            }
            throw e;
        }
    }

    private Pkcs11Session session() {
        Pkcs11Session current = session;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            checkOpen();
            if (session == null) {
                session = Pkcs11Session.login(config.library(), config.slot(), pin);
            }
            return session;
        }
    }

    /** Drops a session that failed, unless another thread has already replaced it. */
    private synchronized void forget(Pkcs11Session failed) {
        if (session == failed) {
            session = null;
        }
    }

    private static KekId activeOrCreate(Pkcs11Session session, Pkcs11KekNames names, KeyPurpose purpose) {
        int latest = names.latestVersion(session.labels(), purpose);
        KekId kek = names.kek(purpose, Math.max(latest, 1));
        if (latest == 0) {
            session.createKey(names.label(kek));
        }
        return kek;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("PKCS#11 key provider was closed");
        }
    }

    @Override
    public String toString() {
        return "Pkcs11KeyProvider[slot " + config.slot() + ", " + config.keyLabelPrefix() + "]";
    }
}
