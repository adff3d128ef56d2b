package dev.custody.ledger;

import dev.custody.Bytes;

/**
 * Where proof generation reads the hashes of complete (perfect) subtrees of a Merkle tree. Only
 * complete subtrees are asked for: incomplete ones on the right edge are hashed from them.
 */
@FunctionalInterface
public interface HashSource {
    /**
     * Returns the hash of the complete subtree at {@code level} (0 = leaves) with horizontal index
     * {@code index}, which covers the leaves {@code [index * 2^level, (index + 1) * 2^level)}.
     * Callers only ask for subtrees that lie entirely within the tree.
     */
    Bytes node(int level, long index);
}
