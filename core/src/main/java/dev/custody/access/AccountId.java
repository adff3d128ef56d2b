package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.Identifiers;
import java.util.Optional;

/**
 * The random id of an account ({@code acc_} and 26 base32 characters); the ledger names accounts by
 * it, never by username. The constructor throws {@code INVALID_INPUT} for any other shape.
 */
public record AccountId(String value) {
    static final String PREFIX = "acc";

    public AccountId {
        Identifiers.require(PREFIX, value, "account id");
    }

    /** The account id {@code text} is, if it is one: the ledger names accounts and other actors alike. */
    public static Optional<AccountId> parse(String text) {
        requireNonNull(text, "text is null");
        try {
            return Optional.of(new AccountId(text));
        } catch (CustodyException e) {
            return Optional.empty();
        }
    }

    public static AccountId random() {
        return new AccountId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
