package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.util.regex.Pattern;

/**
 * A sign-in name: 3 to 64 characters, lower-case ASCII letters, digits, '.', '_' and '-', starting
 * with a letter or digit. The narrow alphabet rules out look-alike names (Unicode confusables,
 * case variants) and anything that could be mistaken for markup or a path. The constructor throws
 * {@code INVALID_INPUT} for anything else.
 */
public record Username(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public Username {
        requireNonNull(value, "value is null");
        if (!SHAPE.matcher(value).matches()) {
            throw CustodyException.invalidInput(
                    "a username is 3 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
