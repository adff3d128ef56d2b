package dev.custody.ledger;

import dev.custody.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * The two signature types of checkpoints and their C2SP signed-note key hashes.
 *
 * <p>The key hash is the first 4 bytes of {@code SHA-256(key name || 0x0A || type identifier ||
 * raw public key)}. The type identifier is:
 *
 * <ul>
 *   <li>Ed25519: the single byte {@code 0x01} assigned by the signed-note spec; the raw key is the
 *       32-byte RFC 8032 public key.
 *   <li>ML-DSA-65 (FIPS 204), which the spec assigns no byte: the escape byte {@code 0xff} that the
 *       spec reserves for unassigned types, followed by the 9 ASCII bytes {@code ML-DSA-65}; the
 *       raw key is the 1952-byte FIPS 204 public key.
 * </ul>
 */
enum NoteKey {
    ED25519(new byte[] {0x01}, 32, "Ed25519"),
    ML_DSA_65(mlDsaIdentifier(), 1952, "ML-DSA");

    private final byte[] typeIdentifier;
    private final int rawLength;
    private final String jcaSignature;

    NoteKey(byte[] typeIdentifier, int rawLength, String jcaSignature) {
        this.typeIdentifier = typeIdentifier;
        this.rawLength = rawLength;
        this.jcaSignature = jcaSignature;
    }

    String jcaSignature() {
        return jcaSignature;
    }

    /** Whether {@code key} is a key of this type. */
    boolean accepts(PublicKey key) {
        return switch (this) {
            case ED25519 ->
                key instanceof EdECPublicKey edKey
                        && edKey.getParams().getName().equalsIgnoreCase("Ed25519");
            case ML_DSA_65 ->
                key.getParams() instanceof NamedParameterSpec spec
                        && spec.getName().equalsIgnoreCase("ML-DSA-65");
        };
    }

    /** The raw public key: the tail of the X.509 SubjectPublicKeyInfo, whose BIT STRING ends it. */
    byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length <= rawLength) {
            throw new IllegalArgumentException("unexpected public key encoding");
        }
        return Arrays.copyOfRange(encoded, encoded.length - rawLength, encoded.length);
    }

    Bytes keyHash(String keyName, PublicKey key) {
        var digest = MerkleHashes.digest();
        digest.update(keyName.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x0a);
        digest.update(typeIdentifier);
        digest.update(raw(key));
        return Bytes.copyOf(Arrays.copyOf(digest.digest(), 4));
    }

    static boolean validName(String name) {
        return !name.isEmpty()
                && name.codePoints()
                        .noneMatch(c -> Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.isISOControl(c)
                                || c == '+');
    }

    private static byte[] mlDsaIdentifier() {
        byte[] label = "ML-DSA-65".getBytes(StandardCharsets.US_ASCII);
        byte[] identifier = new byte[label.length + 1];
        identifier[0] = (byte) 0xff;
        System.arraycopy(label, 0, identifier, 1, label.length);
        return identifier;
    }
}
