package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.TextField;
import java.time.Instant;

/** A client organization: an AI company that commissions recordings. */
public record Organization(OrganizationId id, String name, Instant createdAt) {
    public Organization {
        requireNonNull(id, "id is null");
        TextField.require(name, "organization name", 200);
        requireNonNull(createdAt, "createdAt is null");
    }
}
