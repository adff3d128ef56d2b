package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;

/** A principal's account changed. */
public record AccountChanged(String principalId, AccountChange change) implements LedgerEvent {
    public AccountChanged {
        LedgerText.require(principalId, "principalId");
        requireNonNull(change, "change is null");
    }

    @Override
    public Action action() {
        return Action.ACCOUNT_CHANGED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action()).text(principalId).text(change.name()).build();
    }
}
