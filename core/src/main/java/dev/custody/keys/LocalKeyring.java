package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KeyProvider} whose keys live in one file sealed under a passphrase: the embedded default,
 * for a single node. KEKs are named {@code local://voice} and {@code local://identity}, versions
 * from 1; the keyring also holds one signing key pair per {@link SignerRole}.
 *
 * <h2>File format (all integers big-endian)</h2>
 *
 * <pre>
 * header, 65 bytes, plain but authenticated as GCM associated data:
 *   8  magic "CUSTKEYS" (ASCII)
 *   1  format version, 0x01
 *  16  keyring id, random; {@link #readKeyringId} reads it without the passphrase
 *   4  Argon2id memory in KiB    } checked against {@link Argon2Parameters}' caps
 *   4  Argon2id iterations       } before anything is allocated
 *   4  Argon2id parallelism      }
 *  16  Argon2id salt, random per write
 *  12  AES-GCM nonce, random per write
 * then: AES-256-GCM ciphertext of the body, followed by its 16-byte tag. The key is Argon2id
 * (version 0x13, 32 bytes) of the passphrase's bytes with the header's salt and costs.
 *
 * body:
 *   1  KEK count, then for each KEK:
 *        1  purpose: 1 VOICE, 2 IDENTITY
 *        4  version, from 1
 *        8  creation time, seconds since the epoch
 *        1  state: 1 ACTIVE, 2 RETIRED (unwraps only), 3 DESTROYED
 *       32  AES-256 key; absent (0 bytes) when DESTROYED
 *   1  signer count, then for each signer:
 *        1  role: 1 RECEIPTS, 2 LEDGER_ED25519, 3 LEDGER_ML_DSA
 *        2  length n, then n bytes: the private key, PKCS#8
 *        2  length m, then m bytes: the public key, X.509 SubjectPublicKeyInfo
 * </pre>
 *
 * <h2>Wrapped key format</h2>
 *
 * {@link #wrap} returns {@code nonce (12 random bytes) || AES-256-GCM ciphertext || tag (16)}. The
 * GCM associated data is {@code len(k) || k || len(a) || a}, where {@code k} is the UTF-8 of the
 * KekId's string form, {@code a} the caller's associated data and each {@code len} 4 bytes: a
 * ciphertext made under one KEK never opens under another, and bytes cannot move between the two
 * parts.
 *
 * <h2>Errors</h2>
 *
 * {@link #open}: a missing file fails {@code KEYRING_MISSING}; a wrong passphrase, or a damaged body
 * (which GCM cannot tell apart from it), {@code WRONG_PASSPHRASE}; a malformed or truncated header
 * {@code INTEGRITY_FAILURE}. Opening never writes to the file. {@link #create} refuses an existing
 * file with {@code CONFLICT}. {@link #unwrap} fails {@code INTEGRITY_FAILURE} for any ciphertext or
 * associated data it did not make, and for a KekId it does not hold, which it treats like a
 * ciphertext it did not make. {@link #wrap} under a KekId it does not hold, or holds retired, fails
 * {@code NOT_FOUND}.
 * {@link #rotate} and {@link #destroy} rewrite the whole file atomically (a new salt and nonce,
 * the same keyring id and Argon2 costs) before the change takes effect; a failed write fails {@code
 * KEY_PROVIDER_UNAVAILABLE} and changes nothing. A destroyed version stays in the file as a
 * tombstone without key bytes, so it is told apart from a version never held, and never reused.
 * After {@link #close()}, which wipes the keys, every method throws {@link IllegalStateException}.
 *
 * <p>Thread-safe.
 */
public final class LocalKeyring implements KeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Bytes keyringId;
    private final Argon2Parameters argon2;
    private final SecretBytes passphrase;
    private final Map<SignerRole, JcaSigner> signers;
    private volatile KekTable keks;
    private volatile boolean closed;

    private LocalKeyring(Path file, KeyringHeader header, SecretBytes passphrase, KeyringBody body) {
        this.keks = KekTable.of(body.keks());
        this.file = file;
        this.keyringId = header.keyringId();
        this.argon2 = header.argon2();
        this.passphrase = SecretBytes.takeOwnership(passphrase.toArray());
        this.signers = Map.copyOf(body.signers());
    }

    /** Creates a keyring with fresh KEKs (VOICE v1, IDENTITY v1) and signing keys, mode 0600. */
    public static LocalKeyring create(Path file, SecretBytes passphrase, Argon2Parameters argon2) {
        requireNonNull(file, "file is null");
        requireNonNull(passphrase, "passphrase is null");
        requireNonNull(argon2, "argon2 is null");
        List<KekEntry> keks = new ArrayList<>();
        Instant now = Instant.now();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            keks.add(new KekEntry(purpose, 1, freshKey(), now, KekEntry.State.ACTIVE));
        }
        Map<SignerRole, JcaSigner> signers = new EnumMap<>(SignerRole.class);
        for (SignerRole role : SignerRole.values()) {
            signers.put(role, JcaSigner.generate(role.algorithm()));
        }
        KeyringBody body = new KeyringBody(keks, signers);
        KeyringHeader header =
                KeyringHeader.fresh(KeyringHeader.randomBytes(RANDOM, KeyringHeader.ID_LENGTH), argon2, RANDOM);
        byte[] plain = body.encode();
        try {
            KeyringFile.writeNew(file, KeyringFile.seal(header, plain, passphrase));
            return new LocalKeyring(file, header, passphrase, body);
        } catch (RuntimeException e) {
            body.wipe();
            throw e;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens an existing keyring; see the class documentation for the errors. */
    public static LocalKeyring open(Path file, SecretBytes passphrase) {
        requireNonNull(file, "file is null");
        requireNonNull(passphrase, "passphrase is null");
        byte[] sealed = KeyringFile.read(file);
        KeyringHeader header = KeyringHeader.parse(sealed);
        byte[] plain = KeyringFile.open(sealed, passphrase);
        KeyringBody body;
        try {
            body = KeyringBody.decode(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try {
            return new LocalKeyring(file, header, passphrase, body);
        } catch (RuntimeException e) {
            body.wipe();
            throw e;
        }
    }

    /** The keyring id (32 hex characters) of the file, read without the passphrase. */
    public static String readKeyringId(Path file) {
        return KeyringHeader.parse(KeyringFile.read(requireNonNull(file, "file is null")))
                .keyringId()
                .hex();
    }

    public String keyringId() {
        return keyringId.hex();
    }

    @Override
    public KekId activeKek(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        return keks.active(purpose);
    }

    @Override
    public byte[] wrap(KekId kek, byte[] plaintext, byte[] associatedData) {
        requireNonNull(plaintext, "plaintext is null");
        KekEntry entry = entry(kek, associatedData)
                .filter(found -> found.state() == KekEntry.State.ACTIVE)
                .orElseThrow(
                        () -> CustodyException.notFound("no active key-encryption key " + kek + " in this keyring"));
        return KekCipher.seal(entry.key(), kek, plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(KekId kek, byte[] ciphertext, byte[] associatedData) {
        requireNonNull(ciphertext, "ciphertext is null");
        KekEntry entry = entry(kek, associatedData).orElseThrow(CustodyException::integrityFailure);
        return KekCipher.open(entry.key(), kek, ciphertext, associatedData);
    }

    @Override
    public synchronized KekId rotate(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        SecretBytes key = freshKey();
        KekTable next;
        try {
            next = keks.rotated(purpose, key, Instant.now());
            persist(next);
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        keks = next;
        return next.active(purpose);
    }

    @Override
    public synchronized void destroy(KekId kek) {
        requireNonNull(kek, "kek is null");
        checkOpen();
        KekEntry doomed = keks.live(kek).orElse(null);
        KekTable next = keks.destroyed(kek);
        persist(next);
        keks = next;
        // The file no longer holds the key; now neither does memory. A wrap or unwrap that raced
        // past the swap fails on the wiped secret instead of using it.
        doomed.key().close();
    }

    @Override
    public List<KekId> versions(KeyPurpose purpose) {
        requireNonNull(purpose, "purpose is null");
        checkOpen();
        return keks.versions(purpose);
    }

    /** The signer of this role; its private key never leaves the keyring's file but in sealed form. */
    public Signer signer(SignerRole role) {
        checkOpen();
        return signers.get(requireNonNull(role, "role is null"));
    }

    @Override
    public synchronized void close() {
        closed = true;
        keks.entries().forEach(kek -> kek.key().close());
        signers.values().forEach(JcaSigner::close);
        passphrase.close();
    }

    /** Seals the table with the signers under a fresh salt and nonce and replaces the file. */
    private void persist(KekTable table) {
        byte[] plain = new KeyringBody(table.entries(), signers).encode();
        try {
            KeyringFile.replace(
                    file, KeyringFile.seal(KeyringHeader.fresh(keyringId, argon2, RANDOM), plain, passphrase));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Optional<KekEntry> entry(KekId kek, byte[] associatedData) {
        requireNonNull(kek, "kek is null");
        requireNonNull(associatedData, "associatedData is null");
        checkOpen();
        return keks.live(kek);
    }

    private static SecretBytes freshKey() {
        byte[] key = new byte[KekEntry.KEY_LENGTH];
        RANDOM.nextBytes(key);
        return SecretBytes.takeOwnership(key);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("keyring was closed");
        }
    }

    @Override
    public String toString() {
        return "LocalKeyring[" + keyringId.hex() + "]";
    }
}
