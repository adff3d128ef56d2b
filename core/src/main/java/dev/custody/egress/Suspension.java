package dev.custody.egress;

import static java.util.Objects.requireNonNull;

import dev.custody.ledger.SuspensionCause;
import java.time.Instant;
import java.util.Optional;

/** A suspension of a principal by the egress guard; lifted only by a security officer. */
public record Suspension(
        String id,
        String principalId,
        SuspensionCause cause,
        Instant suspendedAt,
        Optional<Instant> liftedAt,
        Optional<String> liftedBy) {
    public Suspension {
        requireNonNull(id, "id is null");
        requireNonNull(principalId, "principalId is null");
        requireNonNull(cause, "cause is null");
        requireNonNull(suspendedAt, "suspendedAt is null");
        requireNonNull(liftedAt, "liftedAt is null");
        requireNonNull(liftedBy, "liftedBy is null");
    }
}
