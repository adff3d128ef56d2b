package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/** A principal was suspended. */
public record PrincipalSuspended(String principalId, SuspensionCause cause) implements LedgerEvent {
    public PrincipalSuspended {
        LedgerText.require(principalId, "principalId");
        requireNonNull(cause, "cause is null");
    }

    @Override
    public Action action() {
        return Action.PRINCIPAL_SUSPENDED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action()).text(principalId).text(cause.name()).build();
    }
}
