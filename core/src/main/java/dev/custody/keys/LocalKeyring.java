package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 *        1  state: 1 ACTIVE, 2 RETIRED (unwraps only)
 *       32  AES-256 key
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
 * After {@link #close()}, which wipes the keys, every method throws {@link IllegalStateException}.
 *
 * <p>Thread-safe.
 */
public final class LocalKeyring implements KeyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyringId;
    private final Map<KekId, KekEntry> keks;
    private final Map<KeyPurpose, KekId> active;
    private final Map<SignerRole, JcaSigner> signers;
    private volatile boolean closed;

    private LocalKeyring(String keyringId, KeyringBody body) {
        this.keyringId = keyringId;
        Map<KekId, KekEntry> keks = new HashMap<>();
        Map<KeyPurpose, KekId> active = new EnumMap<>(KeyPurpose.class);
        for (KekEntry kek : body.keks()) {
            KekId id = new KekId(uri(kek.purpose()), kek.version());
            if (keks.put(id, kek) != null
                    || (kek.state() == KekEntry.State.ACTIVE && active.put(kek.purpose(), id) != null)) {
                throw CustodyException.integrityFailure();
            }
        }
        if (active.size() != KeyPurpose.values().length) {
            throw CustodyException.integrityFailure();
        }
        this.keks = Map.copyOf(keks);
        this.active = Map.copyOf(active);
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
            byte[] key = new byte[KekEntry.KEY_LENGTH];
            RANDOM.nextBytes(key);
            keks.add(new KekEntry(purpose, 1, SecretBytes.takeOwnership(key), now, KekEntry.State.ACTIVE));
        }
        Map<SignerRole, JcaSigner> signers = new EnumMap<>(SignerRole.class);
        for (SignerRole role : SignerRole.values()) {
            signers.put(role, JcaSigner.generate(role.algorithm()));
        }
        KeyringBody body = new KeyringBody(keks, signers);
        Bytes id = KeyringHeader.randomBytes(RANDOM, KeyringHeader.ID_LENGTH);
        byte[] plain = body.encode();
        try {
            KeyringFile.writeNew(file, KeyringFile.seal(KeyringHeader.fresh(id, argon2, RANDOM), plain, passphrase));
            return new LocalKeyring(id.hex(), body);
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
        String id = KeyringHeader.parse(sealed).keyringId().hex();
        byte[] plain = KeyringFile.open(sealed, passphrase);
        KeyringBody body;
        try {
            body = KeyringBody.decode(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try {
            return new LocalKeyring(id, body);
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
        return keyringId;
    }

    @Override
    public KekId activeKek(KeyPurpose purpose) {
        checkOpen();
        return active.get(requireNonNull(purpose, "purpose is null"));
    }

    @Override
    public byte[] wrap(KekId kek, byte[] plaintext, byte[] associatedData) {
        requireNonNull(plaintext, "plaintext is null");
        KekEntry entry = entry(kek, associatedData);
        if (entry == null || entry.state() != KekEntry.State.ACTIVE) {
            throw new CustodyException(ErrorCode.NOT_FOUND, "no active key-encryption key " + kek + " in this keyring");
        }
        return KekCipher.seal(entry.key(), kek, plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(KekId kek, byte[] ciphertext, byte[] associatedData) {
        requireNonNull(ciphertext, "ciphertext is null");
        KekEntry entry = entry(kek, associatedData);
        if (entry == null) {
            throw CustodyException.integrityFailure();
        }
        return KekCipher.open(entry.key(), kek, ciphertext, associatedData);
    }

    /** The signer of this role; its private key never leaves the keyring's file but in sealed form. */
    public Signer signer(SignerRole role) {
        checkOpen();
        return signers.get(requireNonNull(role, "role is null"));
    }

    @Override
    public void close() {
        closed = true;
        keks.values().forEach(kek -> kek.key().close());
        signers.values().forEach(JcaSigner::close);
    }

    /** A copy of a KEK's raw bytes, so tests can show that the file never holds them in plain. */
    SecretBytes kekMaterial(KekId kek) {
        checkOpen();
        return SecretBytes.copyOf(keks.get(kek).key().toArray());
    }

    private KekEntry entry(KekId kek, byte[] associatedData) {
        requireNonNull(kek, "kek is null");
        requireNonNull(associatedData, "associatedData is null");
        checkOpen();
        return keks.get(kek);
    }

    private static URI uri(KeyPurpose purpose) {
        return URI.create("local://" + purpose.name().toLowerCase(Locale.ROOT));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("keyring was closed");
        }
    }

    @Override
    public String toString() {
        return "LocalKeyring[" + keyringId + "]";
    }
}
