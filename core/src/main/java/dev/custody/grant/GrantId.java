package dev.custody.grant;

import dev.custody.Identifiers;

/** Identifies a data-use grant ({@code grt_} and 26 base32 characters); INVALID_INPUT for any other shape. */
public record GrantId(String value) {
    private static final String PREFIX = "grt";

    public GrantId {
        Identifiers.require(PREFIX, value, "grant id");
    }

    public static GrantId random() {
        return new GrantId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
