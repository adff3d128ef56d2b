package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.Money;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * What an accepted clip earned its contributor: the project's pay per accepted clip at the time of
 * acceptance, in exact minor units. One credit per clip; a paid credit belongs to a batch.
 */
public record PayoutCredit(
        ClipId clip,
        Pseudonym contributor,
        ProjectId project,
        Money amount,
        CreditState state,
        Optional<PayoutBatchId> batch,
        Instant creditedAt) {
    public PayoutCredit {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(amount, "amount is null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a credit is never negative");
        }
        requireNonNull(state, "state is null");
        requireNonNull(batch, "batch is null");
        if (state == CreditState.PAID && batch.isEmpty()) {
            throw new IllegalArgumentException("a paid credit belongs to a batch");
        }
        requireNonNull(creditedAt, "creditedAt is null");
    }

    /** A new credit, pending and in no batch. */
    public static PayoutCredit pending(
            ClipId clip, Pseudonym contributor, ProjectId project, Money amount, Instant creditedAt) {
        return new PayoutCredit(clip, contributor, project, amount, CreditState.PENDING, Optional.empty(), creditedAt);
    }
}
