package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;

/** Which project, contributor and prompt an uploaded clip belongs to. */
public record IngestRequest(ProjectId project, Pseudonym contributor, int promptIndex) {
    public IngestRequest {
        requireNonNull(project, "project is null");
        requireNonNull(contributor, "contributor is null");
    }
}
