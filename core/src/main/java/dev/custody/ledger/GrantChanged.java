package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/**
 * A data-use grant was created, suspended or revoked: which grant, of which project, to which
 * consumer account, and the SHA-256 of the grant's terms as recorded (purposes, expiry, budgets,
 * commitments), so whoever holds the grant can prove what was agreed.
 */
public record GrantChanged(String grantId, String projectId, String consumerId, GrantChange change, Bytes termsSha256)
        implements LedgerEvent {
    public GrantChanged {
        LedgerText.require(grantId, "grantId");
        LedgerText.require(projectId, "projectId");
        LedgerText.require(consumerId, "consumerId");
        requireNonNull(change, "change is null");
        requireNonNull(termsSha256, "termsSha256 is null");
    }

    @Override
    public Action action() {
        return Action.GRANT_CHANGED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(
                new Subject(SubjectKind.GRANT, grantId),
                new Subject(SubjectKind.PROJECT, projectId),
                new Subject(SubjectKind.PRINCIPAL, consumerId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(grantId)
                .text(projectId)
                .text(consumerId)
                .text(change.name())
                .hash(termsSha256)
                .build();
    }
}
