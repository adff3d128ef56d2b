package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.List;

/**
 * An RFC 9162 inclusion proof (section 2.1.3): the audit path showing that the leaf at {@code
 * leafIndex} is part of the tree of size {@code treeSize}, deepest sibling first.
 */
public record InclusionProof(long leafIndex, long treeSize, List<Bytes> hashes) {
    public InclusionProof {
        requireNonNull(hashes, "hashes is null");
        hashes = List.copyOf(hashes);
    }

    /**
     * Verifies this proof for {@code leafHash} against {@code root}, with the algorithm of RFC 9162
     * section 2.1.3.2.
     *
     * @throws CustodyException INTEGRITY_FAILURE if the proof does not verify, whatever the reason
     *     (wrong index or size, wrong leaf, wrong root, a malformed or superfluous hash)
     */
    public void verify(Bytes leafHash, Bytes root) {
        if (!ProofVerification.inclusion(this, leafHash, root)) {
            throw CustodyException.integrityFailure();
        }
    }

    /** Whether {@link #verify} would succeed. */
    public boolean verifies(Bytes leafHash, Bytes root) {
        return ProofVerification.inclusion(this, leafHash, root);
    }
}
