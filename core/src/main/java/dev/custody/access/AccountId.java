package dev.custody.access;

import dev.custody.Identifiers;

/**
 * The random id of an account ({@code acc_} and 26 base32 characters); the ledger names accounts by
 * it, never by username. The constructor throws {@code INVALID_INPUT} for any other shape.
 */
public record AccountId(String value) {
    static final String PREFIX = "acc";

    public AccountId {
        Identifiers.require(PREFIX, value, "account id");
    }

    public static AccountId random() {
        return new AccountId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
