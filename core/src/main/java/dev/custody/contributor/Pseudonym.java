package dev.custody.contributor;

import dev.custody.Identifiers;

/** The only name by which voice data refers to a contributor: random, and linked to an identity only through the separately encrypted identity table. */
public record Pseudonym(String value) {
    private static final String PREFIX = "ctb";

    public Pseudonym {
        Identifiers.require(PREFIX, value, "contributor pseudonym");
    }

    public static Pseudonym random() {
        return new Pseudonym(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
