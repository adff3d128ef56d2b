package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.List;

/**
 * An RFC 9162 consistency proof (section 2.1.4): the hashes showing that the tree of size {@code
 * oldSize} is a prefix of the tree of size {@code newSize}.
 */
public record ConsistencyProof(long oldSize, long newSize, List<Bytes> hashes) {
    public ConsistencyProof {
        requireNonNull(hashes, "hashes is null");
        hashes = List.copyOf(hashes);
    }

    /**
     * Verifies that {@code oldRoot} and {@code newRoot} are the roots of trees of {@code oldSize}
     * and {@code newSize} leaves, the first a prefix of the second, with the algorithm of RFC 9162
     * section 2.1.4.2. Equal sizes need an empty proof and equal roots; an old size of 0 needs an
     * empty proof (the empty tree is a prefix of every tree).
     *
     * @throws CustodyException INTEGRITY_FAILURE if the proof does not verify
     */
    public void verify(Bytes oldRoot, Bytes newRoot) {
        if (!ProofVerification.consistency(this, oldRoot, newRoot)) {
            throw CustodyException.integrityFailure();
        }
    }

    /** Whether {@link #verify} would succeed. */
    public boolean verifies(Bytes oldRoot, Bytes newRoot) {
        return ProofVerification.consistency(this, oldRoot, newRoot);
    }
}
