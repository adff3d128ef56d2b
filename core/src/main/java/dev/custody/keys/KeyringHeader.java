package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The plain header of a keyring file: 65 bytes, laid out in {@link LocalKeyring}'s javadoc. It is
 * read before the passphrase is known, so parsing checks every field against fixed bounds.
 */
record KeyringHeader(Bytes keyringId, Argon2Parameters argon2, Bytes salt, Bytes nonce) {
    static final byte[] MAGIC = "CUSTKEYS".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 1;
    static final int ID_LENGTH = 16;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int LENGTH = MAGIC.length + 1 + ID_LENGTH + 3 * Integer.BYTES + SALT_LENGTH + NONCE_LENGTH;

    KeyringHeader {
        requireNonNull(keyringId, "keyringId is null");
        requireNonNull(argon2, "argon2 is null");
        requireNonNull(salt, "salt is null");
        requireNonNull(nonce, "nonce is null");
        if (keyringId.length() != ID_LENGTH || salt.length() != SALT_LENGTH || nonce.length() != NONCE_LENGTH) {
            throw new IllegalArgumentException("wrong field length");
        }
    }

    /** A header for a new keyring, or a keyring sealed anew: fresh salt and nonce. */
    static KeyringHeader fresh(Bytes keyringId, Argon2Parameters argon2, SecureRandom random) {
        return new KeyringHeader(
                keyringId, argon2, randomBytes(random, SALT_LENGTH), randomBytes(random, NONCE_LENGTH));
    }

    static Bytes randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Bytes.copyOf(bytes);
    }

    /** Parses the start of a keyring file; anything malformed fails INTEGRITY_FAILURE. */
    static KeyringHeader parse(byte[] file) {
        if (file.length < LENGTH || !MessageDigest.isEqual(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw CustodyException.integrityFailure();
        }
        ByteBuffer in = ByteBuffer.wrap(file, MAGIC.length, LENGTH - MAGIC.length);
        if (in.get() != VERSION) {
            throw CustodyException.integrityFailure();
        }
        Bytes id = take(in, ID_LENGTH);
        Argon2Parameters argon2;
        try {
            argon2 = new Argon2Parameters(in.getInt(), in.getInt(), in.getInt());
        } catch (CustodyException e) {
            throw CustodyException.integrityFailure(e);
        }
        return new KeyringHeader(id, argon2, take(in, SALT_LENGTH), take(in, NONCE_LENGTH));
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .put(MAGIC)
                .put(VERSION)
                .put(keyringId.toArray())
                .putInt(argon2.memoryKiB())
                .putInt(argon2.iterations())
                .putInt(argon2.parallelism())
                .put(salt.toArray())
                .put(nonce.toArray())
                .array();
    }

    private static Bytes take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return Bytes.copyOf(bytes);
    }
}
