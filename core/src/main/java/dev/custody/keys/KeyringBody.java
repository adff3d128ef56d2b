package dev.custody.keys;

import dev.custody.CustodyException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The secret contents of a keyring and their encoding (laid out in {@link LocalKeyring}'s javadoc).
 * Codes on disk are explicit numbers, never enum ordinals, so reordering an enum cannot change the
 * meaning of an existing file.
 */
record KeyringBody(List<KekEntry> keks, Map<SignerRole, JcaSigner> signers) {
    private static final int MAX_ENCODED_KEY = 16 * 1024;

    KeyringBody {
        keks = List.copyOf(keks);
        signers = Map.copyOf(signers);
    }

    /** Wipes the KEKs and drops the private keys, for a body that will not become a keyring. */
    void wipe() {
        keks.forEach(kek -> kek.key().close());
        signers.values().forEach(JcaSigner::close);
    }

    /** Encodes into a fresh array that holds key material: the caller must wipe it. */
    byte[] encode() {
        Map<SignerRole, byte[]> privates = new EnumMap<>(SignerRole.class);
        int size = 2;
        for (KekEntry kek : keks) {
            size += 1 + 4 + 8 + 1 + kek.key().length();
        }
        for (SignerRole role : SignerRole.values()) {
            try (SecretBytes pkcs8 = signers.get(role).privateKeyEncoding()) {
                privates.put(role, pkcs8.toArray());
            }
            size += 1 + 2 + privates.get(role).length + 2 + publicEncoding(role).length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put((byte) keks.size());
        for (KekEntry kek : keks) {
            byte[] key = kek.key().toArray();
            out.put(code(kek.purpose()))
                    .putInt(kek.version())
                    .putLong(kek.createdAt().getEpochSecond())
                    .put(code(kek.state()))
                    .put(key);
            Arrays.fill(key, (byte) 0);
        }
        out.put((byte) privates.size());
        for (SignerRole role : SignerRole.values()) {
            byte[] pkcs8 = privates.get(role);
            byte[] x509 = publicEncoding(role);
            out.put(code(role)).putShort((short) pkcs8.length).put(pkcs8);
            out.putShort((short) x509.length).put(x509);
            Arrays.fill(pkcs8, (byte) 0);
        }
        return out.array();
    }

    /** Decodes an authenticated body; anything malformed fails INTEGRITY_FAILURE. */
    static KeyringBody decode(byte[] body) {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            List<KekEntry> keks = new ArrayList<>();
            for (int n = in.get() & 0xff; n > 0; n--) {
                keks.add(decodeKek(in));
            }
            Map<SignerRole, JcaSigner> signers = new EnumMap<>(SignerRole.class);
            for (int n = in.get() & 0xff; n > 0; n--) {
                SignerRole role = decode(in.get(), SignerRole.values());
                byte[] pkcs8 = take(in);
                signers.put(role, JcaSigner.decode(role.algorithm(), pkcs8, take(in)));
                Arrays.fill(pkcs8, (byte) 0);
            }
            if (in.hasRemaining() || signers.size() != SignerRole.values().length) {
                throw CustodyException.integrityFailure();
            }
            return new KeyringBody(keks, signers);
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static KekEntry decodeKek(ByteBuffer in) {
        KeyPurpose purpose = decode(in.get(), KeyPurpose.values());
        int version = in.getInt();
        Instant createdAt = Instant.ofEpochSecond(in.getLong());
        KekEntry.State state = decode(in.get(), KekEntry.State.values());
        // A destroyed version is a tombstone: its key bytes are gone from the file.
        byte[] key = new byte[state == KekEntry.State.DESTROYED ? 0 : KekEntry.KEY_LENGTH];
        in.get(key);
        return new KekEntry(purpose, version, SecretBytes.takeOwnership(key), createdAt, state);
    }

    private byte[] publicEncoding(SignerRole role) {
        return signers.get(role).publicKey().getEncoded();
    }

    private static byte code(KeyPurpose purpose) {
        return switch (purpose) {
            case VOICE -> 1;
            case IDENTITY -> 2;
        };
    }

    private static byte code(KekEntry.State state) {
        return switch (state) {
            case ACTIVE -> 1;
            case RETIRED -> 2;
            case DESTROYED -> 3;
        };
    }

    private static byte code(SignerRole role) {
        return switch (role) {
            case RECEIPTS -> 1;
            case LEDGER_ED25519 -> 2;
            case LEDGER_ML_DSA -> 3;
        };
    }

    /** The constant whose code is {@code code}, matched through {@code code(...)}, not ordinals. */
    private static <E extends Enum<E>> E decode(byte code, E[] values) {
        for (E value : values) {
            byte expected = switch (value) {
                case KeyPurpose p -> code(p);
                case KekEntry.State s -> code(s);
                case SignerRole r -> code(r);
                default -> throw new IllegalStateException("no code for " + value);
            };
            if (expected == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown code");
    }

    private static byte[] take(ByteBuffer in) {
        int length = in.getShort() & 0xffff;
        if (length > MAX_ENCODED_KEY) {
            throw CustodyException.integrityFailure();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
