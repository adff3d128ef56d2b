package dev.custody.clip;

import dev.custody.Identifiers;

/** Identifies one recorded clip. */
public record ClipId(String value) {
    private static final String PREFIX = "clp";

    public ClipId {
        Identifiers.require(PREFIX, value, "clip id");
    }

    public static ClipId random() {
        return new ClipId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
