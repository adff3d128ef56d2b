package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes roots and proofs of a Merkle tree from a {@link HashSource}, following the recursive
 * definitions of RFC 9162 (MTH in 2.1.1, PATH in 2.1.3.1, SUBPROOF in 2.1.4.1), where a tree of n
 * leaves splits at k, the largest power of two smaller than n.
 *
 * <p>Every subtree these definitions name is aligned, so a complete one is one read from the
 * source, and an incomplete one (only on the right edge) is hashed from at most log2(n) complete
 * ones. A proof therefore costs O(log n) reads, and never a rehash of the tree.
 *
 * @throws IllegalArgumentException if an index or a size is out of range
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    public static Bytes root(HashSource source, long size) {
        requireNonNull(source, "source is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative");
        }
        return size == 0 ? MerkleHashes.emptyRoot() : subtree(source, 0, size);
    }

    public static InclusionProof inclusion(HashSource source, long leafIndex, long treeSize) {
        requireNonNull(source, "source is null");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index is outside the tree");
        }
        List<Bytes> path = new ArrayList<>();
        path(source, leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    public static ConsistencyProof consistency(HashSource source, long oldSize, long newSize) {
        requireNonNull(source, "source is null");
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order");
        }
        List<Bytes> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(source, oldSize, 0, newSize, true, proof);
        }
        return new ConsistencyProof(oldSize, newSize, proof);
    }

    /** MTH(D[start:end]) for an aligned range. */
    static Bytes subtree(HashSource source, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return source.node(level, start >>> level);
        }
        long k = splitPoint(n);
        return MerkleHashes.nodeHash(subtree(source, start, start + k), subtree(source, start + k, end));
    }

    /** The largest power of two smaller than n (n > 1). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void path(HashSource source, long m, long start, long end, List<Bytes> out) {
        if (end - start == 1) {
            return;
        }
        long k = splitPoint(end - start);
        if (m < start + k) {
            path(source, m, start, start + k, out);
            out.add(subtree(source, start + k, end));
        } else {
            path(source, m, start + k, end, out);
            out.add(subtree(source, start, start + k));
        }
    }

    private static void subproof(HashSource source, long m, long start, long end, boolean complete, List<Bytes> out) {
        if (start + m == end) {
            if (!complete) {
                out.add(subtree(source, start, end));
            }
            return;
        }
        long k = splitPoint(end - start);
        if (m <= k) {
            subproof(source, m, start, start + k, complete, out);
            out.add(subtree(source, start + k, end));
        } else {
            subproof(source, m - k, start + k, end, false, out);
            out.add(subtree(source, start, start + k));
        }
    }
}
