package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 (section 2.1.1) hash functions of the ledger's Merkle tree, with SHA-256.
 *
 * <ul>
 *   <li>leaf hash: {@code SHA-256(0x00 || entry)}
 *   <li>interior node hash: {@code SHA-256(0x01 || left || right)}
 *   <li>the empty tree: {@code SHA-256()} (no input)
 * </ul>
 *
 * The distinct prefixes keep a leaf from ever being read as an interior node (second-preimage
 * resistance). Every hash is {@value #HASH_LENGTH} bytes.
 */
public final class MerkleHashes {
    public static final int HASH_LENGTH = 32;

    // Looking SHA-256 up in the providers costs more than hashing a Merkle node: clone a prototype.
    private static final MessageDigest PROTOTYPE = newDigest();

    private static final Bytes EMPTY_ROOT = Bytes.copyOf(digest().digest());

    private MerkleHashes() {}

    /** The root hash of the tree of size 0. */
    public static Bytes emptyRoot() {
        return EMPTY_ROOT;
    }

    public static Bytes leafHash(Bytes entry) {
        return Bytes.copyOf(leaf(requireNonNull(entry, "entry is null").toArray()));
    }

    /** Throws IllegalArgumentException if either child is not a 32-byte hash. */
    public static Bytes nodeHash(Bytes left, Bytes right) {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.length() != HASH_LENGTH || right.length() != HASH_LENGTH) {
            throw new IllegalArgumentException("a Merkle node hash has 32 bytes");
        }
        return Bytes.copyOf(node(left.toArray(), right.toArray()));
    }

    static byte[] leaf(byte[] entry) {
        MessageDigest digest = digest();
        digest.update((byte) 0x00);
        return digest.digest(entry);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
