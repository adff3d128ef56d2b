package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.audio.AudioLimits;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Creates and reads organizations and projects. */
public final class ProjectService {
    private static final Set<Role> MAY_ADMINISTER = Set.of(Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final Clock clock;

    public ProjectService(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Organization createOrganization(Principal caller, String name) {
        caller.require(MAY_ADMINISTER, "create organizations");
        var organization = new Organization(OrganizationId.random(), name, now());
        metadata.inTransaction(repositories -> {
            repositories.organizations().insert(organization);
            return null;
        });
        return organization;
    }

    public Project createProject(
            Principal caller,
            OrganizationId organization,
            String name,
            List<String> prompts,
            int consentTermsVersion,
            Duration retention,
            AudioLimits limits) {
        caller.require(MAY_ADMINISTER, "create projects");
        var project = new Project(
                ProjectId.random(), organization, name, prompts, consentTermsVersion, retention, limits, now());
        metadata.inTransaction(repositories -> {
            repositories
                    .organizations()
                    .find(organization)
                    .orElseThrow(() -> CustodyException.notFound("no such organization"));
            repositories.projects().insert(project);
            return null;
        });
        return project;
    }

    public Project project(Principal caller, ProjectId id) {
        caller.require(MAY_ADMINISTER, "read projects");
        return metadata.inTransaction(repositories ->
                repositories.projects().find(id).orElseThrow(() -> CustodyException.notFound("no such project")));
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
