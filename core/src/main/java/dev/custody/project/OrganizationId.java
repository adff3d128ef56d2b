package dev.custody.project;

import dev.custody.Identifiers;

/** Identifies a client organization. */
public record OrganizationId(String value) {
    private static final String PREFIX = "org";

    public OrganizationId {
        Identifiers.require(PREFIX, value, "organization id");
    }

    public static OrganizationId random() {
        return new OrganizationId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
