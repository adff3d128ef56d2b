package dev.custody.store;

import dev.custody.project.Commission;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.ProjectSummary;
import dev.custody.project.PromptTerms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> find(ProjectId id);

    /** The organization's projects, oldest first, read without their prompts. */
    List<ProjectSummary> byOrganization(OrganizationId organization);

    /** The organization that owns the project, read without the project's prompts. */
    Optional<OrganizationId> owner(ProjectId id);

    /** What a recording of prompt {@code promptIndex} must meet; empty if there is no such project. */
    Optional<PromptTerms> promptTerms(ProjectId id, int promptIndex);

    /** The version of the consent terms the project requires now, read without its prompts. */
    Optional<Integer> consentTermsVersion(ProjectId id);

    /** What the project commissions (reviews per clip, pay), read without its prompts. */
    Optional<Commission> commission(ProjectId id);

    /** The texts of these prompts of the project, by index; an index the project lacks is left out. */
    Map<Integer, String> prompts(ProjectId id, Set<Integer> indexes);

    /**
     * Moves the version of the consent terms the project requires, if it is still {@code expected};
     * false otherwise (absent, or moved meanwhile).
     */
    boolean updateConsentTermsVersion(ProjectId id, int expected, int version);
}
