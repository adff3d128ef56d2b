package dev.custody;

import static java.util.Objects.requireNonNull;

/**
 * Validates free text from outside (names, prompts): bounded length, no control characters. Such
 * text is only ever stored and shown, never used as a path or in a query string.
 */
public final class TextField {
    private TextField() {}

    public static String require(String value, String what, int maxLength) {
        requireNonNull(value, what + " is null");
        if (value.isBlank()) {
            throw CustodyException.invalidInput(what + " is empty");
        }
        if (value.length() > maxLength) {
            throw CustodyException.invalidInput(what + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw CustodyException.invalidInput(what + " contains control characters");
        }
        return value;
    }
}
