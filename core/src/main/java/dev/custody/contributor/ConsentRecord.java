package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.project.ProjectId;
import java.time.Instant;

/** A contributor's explicit consent to one version of a project's terms. */
public record ConsentRecord(ConsentId id, Pseudonym contributor, ProjectId project, int termsVersion, Instant givenAt) {
    public ConsentRecord {
        requireNonNull(id, "id is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        if (termsVersion < 1) {
            throw new IllegalArgumentException("terms version must be positive");
        }
        requireNonNull(givenAt, "givenAt is null");
    }
}
