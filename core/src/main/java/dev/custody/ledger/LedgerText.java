package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;

/**
 * The rule for the short strings a ledger entry carries (ids, purposes, request ids): printable
 * ASCII without spaces, at most 200 characters. Names and free text never fit, which is the point:
 * the ledger holds pseudonyms and ids only.
 */
final class LedgerText {
    static final int MAX_LENGTH = 200;

    private LedgerText() {}

    /** @throws CustodyException INVALID_INPUT if {@code value} breaks the rule */
    static String require(String value, String what) {
        requireNonNull(value, what + " is null");
        if (!valid(value)) {
            throw CustodyException.invalidInput(what + " must be 1 to 200 printable ASCII characters without spaces");
        }
        return value;
    }

    static boolean valid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
