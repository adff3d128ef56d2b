package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.util.regex.Pattern;

/**
 * The key a client sends with an upload ({@code Idempotency-Key}, as in the IETF HTTP API draft
 * "The Idempotency-Key HTTP Header Field") so that a retry of it is answered, not stored again.
 *
 * <p>Guarantees: 1 to {@value #MAX_LENGTH} printable ASCII characters, without spaces, quotes or
 * backslashes. {@link #parse} also takes the draft's quoted form ({@code "abc"}).
 *
 * @throws CustodyException INVALID_INPUT for any other value
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    private static final Pattern VALID = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        requireNonNull(value, "value is null");
        if (!VALID.matcher(value).matches()) {
            throw CustodyException.invalidInput("an Idempotency-Key must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces, quotes or backslashes");
        }
    }

    /** The key of a header's value, bare or as the draft's structured-field string. */
    public static IdempotencyKey parse(String header) {
        requireNonNull(header, "header is null");
        boolean quoted = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"");
        return new IdempotencyKey(quoted ? header.substring(1, header.length() - 1) : header);
    }
}
