package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Proves ledger entries for a delivery: one signed checkpoint that covers them all, and each one's
 * inclusion proof against it. See {@link LedgerDeliveryProofs}.
 */
public interface DeliveryProofs {
    /** The checkpoint (its signed-note text) and one proof per index, in the order given. */
    Proven prove(List<Long> indexes);

    /** A checkpoint and the proofs against it. */
    record Proven(String checkpoint, List<LeafProof> proofs) {
        public Proven {
            requireNonNull(checkpoint, "checkpoint is null");
            proofs = List.copyOf(requireNonNull(proofs, "proofs is null"));
        }
    }
}
