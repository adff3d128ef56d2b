package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The verification algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, step by step. */
final class ProofVerification {
    private ProofVerification() {}

    static boolean inclusion(InclusionProof proof, Bytes leafHash, Bytes root) {
        requireNonNull(leafHash, "leafHash is null");
        requireNonNull(root, "root is null");
        if (proof.leafIndex() < 0 || proof.leafIndex() >= proof.treeSize() || !wellFormed(proof.hashes())) {
            return false;
        }
        if (leafHash.length() != MerkleHashes.HASH_LENGTH) {
            return false;
        }
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        byte[] r = leafHash.toArray();
        for (Bytes p : proof.hashes()) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p.toArray(), r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p.toArray());
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root.toArray());
    }

    static boolean consistency(ConsistencyProof proof, Bytes oldRoot, Bytes newRoot) {
        requireNonNull(oldRoot, "oldRoot is null");
        requireNonNull(newRoot, "newRoot is null");
        long first = proof.oldSize();
        long second = proof.newSize();
        if (first < 0 || second < first || !wellFormed(proof.hashes())) {
            return false;
        }
        if (first == second) {
            return proof.hashes().isEmpty() && oldRoot.equals(newRoot);
        }
        if (first == 0) {
            return proof.hashes().isEmpty();
        }
        if (proof.hashes().isEmpty()) {
            return false;
        }
        List<Bytes> path = new ArrayList<>(proof.hashes());
        if (Long.bitCount(first) == 1) {
            path.addFirst(oldRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.getFirst().toArray();
        byte[] sr = fr;
        for (Bytes c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c.toArray(), fr);
                sr = MerkleHashes.node(c.toArray(), sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c.toArray());
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot.toArray()) && MessageDigest.isEqual(sr, newRoot.toArray());
    }

    private static boolean wellFormed(List<Bytes> hashes) {
        // Bounds the work a hostile proof can cause: no tree of 2^63 leaves needs more.
        return hashes.size() <= 64 && hashes.stream().allMatch(h -> h.length() == MerkleHashes.HASH_LENGTH);
    }
}
