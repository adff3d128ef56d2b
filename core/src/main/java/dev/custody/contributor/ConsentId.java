package dev.custody.contributor;

import dev.custody.Identifiers;

/** Identifies one consent record. */
public record ConsentId(String value) {
    private static final String PREFIX = "cns";

    public ConsentId {
        Identifiers.require(PREFIX, value, "consent id");
    }

    public static ConsentId random() {
        return new ConsentId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
