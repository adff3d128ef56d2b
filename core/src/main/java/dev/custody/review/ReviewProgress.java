package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.project.ProjectId;

/** How far review of a project has come: clips per state, and the acceptances each clip needs. */
public record ReviewProgress(
        ProjectId project, long pendingReview, long accepted, long rejected, long erased, int reviewCount) {
    public ReviewProgress {
        requireNonNull(project, "project is null");
        if (pendingReview < 0 || accepted < 0 || rejected < 0 || erased < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
