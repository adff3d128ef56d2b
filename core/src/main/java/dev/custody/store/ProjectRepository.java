package dev.custody.store;

import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import java.util.Optional;

public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> find(ProjectId id);

    /**
     * Moves the version of the consent terms the project requires, if it is still {@code expected};
     * false otherwise (absent, or moved meanwhile).
     */
    boolean updateConsentTermsVersion(ProjectId id, int expected, int version);
}
