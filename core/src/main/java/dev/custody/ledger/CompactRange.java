package dev.custody.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The roots of the complete subtrees that make up a tree's prefix, enough to compute the root of
 * every size as leaves stream past, in O(log n) memory: what the offline verifier needs for a log
 * too large to hold.
 */
final class CompactRange {
    private final List<byte[]> hashes = new ArrayList<>();
    private long size;

    void append(byte[] leafHash) {
        hashes.add(leafHash);
        size++;
        // Each trailing 1 bit of the new size closes one more complete subtree.
        for (long s = size; (s & 1) == 0; s >>>= 1) {
            byte[] right = hashes.removeLast();
            byte[] left = hashes.removeLast();
            hashes.add(MerkleHashes.node(left, right));
        }
    }

    long size() {
        return size;
    }

    /** The RFC 9162 root: the complete subtrees folded from the right. */
    byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHashes.emptyRoot().toArray();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(hashes.get(i), root);
        }
        return root;
    }
}
