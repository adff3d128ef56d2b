package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A set of pending credits gathered to be paid together; {@code createdBy} is the principal id of
 * the operator who made it. Paid exactly when {@code paidAt} is present.
 */
public record PayoutBatch(
        PayoutBatchId id, BatchState state, String createdBy, Instant createdAt, Optional<Instant> paidAt) {
    public PayoutBatch {
        requireNonNull(id, "id is null");
        requireNonNull(state, "state is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(paidAt, "paidAt is null");
        if ((state == BatchState.PAID) != paidAt.isPresent()) {
            throw new IllegalArgumentException("paidAt is set exactly when the batch is paid");
        }
    }

    public static PayoutBatch open(PayoutBatchId id, String createdBy, Instant createdAt) {
        return new PayoutBatch(id, BatchState.OPEN, createdBy, createdAt, Optional.empty());
    }
}
