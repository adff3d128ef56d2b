package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.AccountId;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import java.time.Instant;
import java.util.Set;

/** A client-admin's request for a grant, as received; {@link GrantService#create} checks it against the data. */
public record NewGrant(
        ProjectId project,
        AccountId consumer,
        Set<Purpose> purposes,
        Instant expiresAt,
        GrantBudget budget,
        BuyerCommitments commitments) {
    public NewGrant {
        requireNonNull(project, "project is null");
        requireNonNull(consumer, "consumer is null");
        purposes = Set.copyOf(requireNonNull(purposes, "purposes is null"));
        if (purposes.isEmpty()) {
            throw CustodyException.invalidInput("a grant names at least one purpose");
        }
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(budget, "budget is null");
        requireNonNull(commitments, "commitments is null");
    }
}
