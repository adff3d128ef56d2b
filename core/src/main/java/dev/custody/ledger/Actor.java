package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Who did what a ledger entry records: a pseudonym or principal id (never a name) and the role in
 * which they acted.
 *
 * @throws dev.custody.CustodyException INVALID_INPUT if {@code id} is not 1 to 200 printable ASCII
 *     characters without spaces
 */
public record Actor(String id, ActorRole role) {
    public Actor {
        LedgerText.require(id, "actor id");
        requireNonNull(role, "role is null");
    }

    public static Actor system() {
        return new Actor("custody", ActorRole.SYSTEM);
    }
}
