package dev.custody.ledger;

import dev.custody.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162's recursive definitions transcribed literally over a list of leaf hashes, as a second,
 * independent implementation to check the production code against.
 */
final class NaiveMerkle {
    private NaiveMerkle() {}

    static Bytes mth(List<Bytes> d) {
        if (d.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (d.size() == 1) {
            return d.getFirst();
        }
        int k = largestPowerOfTwoBelow(d.size());
        return MerkleHashes.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<Bytes> path(int m, List<Bytes> d) {
        List<Bytes> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<Bytes> proof(int m, List<Bytes> d) {
        return subproof(m, d, true);
    }

    private static List<Bytes> subproof(int m, List<Bytes> d, boolean b) {
        List<Bytes> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
