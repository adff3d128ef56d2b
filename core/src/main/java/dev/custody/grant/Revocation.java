package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a grant's revocation feed: its sequence number (1, 2, ... per grant, never reused),
 * the delivered sample key the buyer must delete, why, when, and when the buyer acknowledged it.
 */
public record Revocation(
        GrantId grant,
        long sequence,
        String sampleKey,
        RevocationReason reason,
        Instant revokedAt,
        Optional<Instant> acknowledgedAt) {
    public Revocation {
        requireNonNull(grant, "grant is null");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence is at least 1");
        }
        requireNonNull(sampleKey, "sampleKey is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(revokedAt, "revokedAt is null");
        requireNonNull(acknowledgedAt, "acknowledgedAt is null");
    }
}
