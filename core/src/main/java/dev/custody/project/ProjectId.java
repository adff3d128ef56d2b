package dev.custody.project;

import dev.custody.Identifiers;

/** Identifies a recording project. */
public record ProjectId(String value) {
    private static final String PREFIX = "prj";

    public ProjectId {
        Identifiers.require(PREFIX, value, "project id");
    }

    public static ProjectId random() {
        return new ProjectId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
