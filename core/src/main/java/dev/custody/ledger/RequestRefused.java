package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.ErrorCode;
import java.util.List;

/**
 * A request was refused before it changed anything (malformed or over-long input, stale terms, a
 * consent that does not exist...): {@code operation} names what was asked, {@code reason} the error
 * code it got. The input itself is never logged.
 */
public record RequestRefused(String principalId, String operation, ErrorCode reason) implements LedgerEvent {
    public RequestRefused {
        LedgerText.require(principalId, "principalId");
        LedgerText.require(operation, "operation");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public Action action() {
        return Action.REQUEST_REFUSED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(new Subject(SubjectKind.PRINCIPAL, principalId));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(principalId)
                .text(operation)
                .text(reason.name())
                .build();
    }
}
