package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

/**
 * One id that a ledger entry is about (a clip, a contributor pseudonym, a project, a grant...), so
 * that the log can be searched by subject without the event's details.
 *
 * @throws dev.custody.CustodyException INVALID_INPUT if {@code id} is not 1 to 200 printable ASCII
 *     characters without spaces
 */
public record Subject(SubjectKind kind, String id) {
    public Subject {
        requireNonNull(kind, "kind is null");
        LedgerText.require(id, "subject id");
    }
}
