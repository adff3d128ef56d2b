package dev.custody.project;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A project as its organization's list shows it, read without its prompts. */
public record ProjectSummary(ProjectId id, String name, int consentTermsVersion, Instant createdAt) {
    public ProjectSummary {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
