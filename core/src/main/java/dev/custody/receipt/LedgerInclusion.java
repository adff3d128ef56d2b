package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * Proof that a receipt's ingest event is in the ledger: the leaf's index, the size of the tree the
 * proof is for, the ledger entry itself (its canonical bytes, which hold only ids, pseudonyms and
 * hashes, so a verifier needs nothing but the receipt), the RFC 9162 inclusion proof (audit path,
 * leaf to root) and the signed checkpoint (a C2SP signed note) of that tree.
 *
 * <p>Guarantees only the shape: {@code 0 <= leafIndex < treeSize}, at most 63 hashes of 32 bytes,
 * a checkpoint of 1 to {@value #MAX_CHECKPOINT_LENGTH} characters with no control character but
 * newline. Checking the proof against the checkpoint is the ledger verifier's work. Throws {@code
 * IllegalArgumentException} for a value outside these bounds.
 */
public record LedgerInclusion(long leafIndex, long treeSize, Bytes entry, List<Bytes> proof, String checkpoint) {
    /** Bounds the entry so a receipt stays far below its 64 KiB limit. */
    public static final int MAX_ENTRY_LENGTH = 8192;

    /** Bounds the checkpoint so a receipt stays far below its 64 KiB limit. */
    public static final int MAX_CHECKPOINT_LENGTH = 8192;

    private static final int HASH_LENGTH = 32;
    // A tree of at most 2^63 - 1 leaves has at most 63 levels above its leaves.
    private static final int MAX_PROOF_HASHES = 63;

    public LedgerInclusion {
        requireNonNull(entry, "entry is null");
        requireNonNull(proof, "proof is null");
        if (entry.length() == 0 || entry.length() > MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("entry must have 1 to " + MAX_ENTRY_LENGTH + " bytes");
        }
        requireNonNull(checkpoint, "checkpoint is null");
        if (leafIndex < 0 || treeSize <= leafIndex) {
            throw new IllegalArgumentException("leaf index must be in [0, tree size)");
        }
        proof = List.copyOf(proof);
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("inclusion proof has more than " + MAX_PROOF_HASHES + " hashes");
        }
        if (proof.stream().anyMatch(hash -> hash.length() != HASH_LENGTH)) {
            throw new IllegalArgumentException("inclusion proof hashes must be 32 bytes");
        }
        if (checkpoint.isEmpty() || checkpoint.length() > MAX_CHECKPOINT_LENGTH) {
            throw new IllegalArgumentException("checkpoint must have 1 to " + MAX_CHECKPOINT_LENGTH + " characters");
        }
        for (int i = 0; i < checkpoint.length(); i++) {
            char c = checkpoint.charAt(i);
            if (c != '\n' && Character.isISOControl(c)) {
                throw new IllegalArgumentException("checkpoint contains control characters");
            }
        }
    }
}
