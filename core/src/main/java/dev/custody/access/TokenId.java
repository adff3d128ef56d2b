package dev.custody.access;

import dev.custody.Identifiers;

/**
 * The random id of a session or API token ({@code tok_} and 26 base32
 * characters): it names the token in listings and revocation, never its secret. The constructor throws {@code INVALID_INPUT} for any other shape.
 */
public record TokenId(String value) {
    static final String PREFIX = "tok";

    public TokenId {
        Identifiers.require(PREFIX, value, "token id");
    }

    public static TokenId random() {
        return new TokenId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
