package dev.custody.store;

import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.PromptTerms;
import java.util.Optional;

public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> find(ProjectId id);

    /** The organization that owns the project, read without the project's prompts. */
    Optional<OrganizationId> owner(ProjectId id);

    /** What a recording of prompt {@code promptIndex} must meet; empty if there is no such project. */
    Optional<PromptTerms> promptTerms(ProjectId id, int promptIndex);

    /**
     * Moves the version of the consent terms the project requires, if it is still {@code expected};
     * false otherwise (absent, or moved meanwhile).
     */
    boolean updateConsentTermsVersion(ProjectId id, int expected, int version);
}
