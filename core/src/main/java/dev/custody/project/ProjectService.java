package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.consent.TermsPublication;
import dev.custody.ledger.ConfigurationChanged;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Creates and reads organizations and projects; a new project publishes its first consent terms. */
public final class ProjectService {
    private static final Set<Role> MAY_CREATE_ORGANIZATIONS = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_CREATE_PROJECTS = Set.of(Role.CLIENT_ADMIN, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_READ_PROJECTS =
            Set.of(Role.CONTRIBUTOR, Role.CLIENT_ADMIN, Role.DATA_CONSUMER, Role.REVIEWER, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final Clock clock;

    public ProjectService(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Organization createOrganization(Principal caller, String name) {
        caller.require(MAY_CREATE_ORGANIZATIONS, "create organizations");
        var organization = new Organization(OrganizationId.random(), name, now());
        metadata.useTransaction(repositories -> {
            repositories.organizations().insert(organization);
            log(repositories, caller, "organization/" + organization.id(), organization.name());
        });
        return organization;
    }

    public Project createProject(Principal caller, OrganizationId organization, NewProject plan) {
        caller.require(MAY_CREATE_PROJECTS, "create projects");
        caller.requireOwnOrganization(organization, "create projects");
        var project = Project.create(organization, plan, now());
        metadata.useTransaction(repositories -> {
            var owner = repositories
                    .organizations()
                    .find(organization)
                    .orElseThrow(() -> CustodyException.notFound("no such organization"));
            repositories.projects().insert(project);
            log(repositories, caller, "project/" + project.id(), project.toString());
            TermsPublication.initial(repositories, project, owner.name(), plan.terms(), caller, project.createdAt());
        });
        return project;
    }

    public Project project(Principal caller, ProjectId id) {
        caller.require(MAY_READ_PROJECTS, "read projects");
        Project project = metadata.inReadTransaction(repositories ->
                repositories.projects().find(id).orElseThrow(() -> CustodyException.notFound("no such project")));
        caller.requireOwnOrganization(project.organization(), "read projects");
        return project;
    }

    /** The organization's projects, oldest first, for its client-admins. */
    public List<ProjectSummary> projects(Principal caller, OrganizationId organization) {
        caller.require(MAY_CREATE_PROJECTS, "list an organization's projects");
        caller.requireOwnOrganization(organization, "list an organization's projects");
        return metadata.inReadTransaction(
                repositories -> repositories.projects().byOrganization(organization));
    }

    /** Administrative changes are logged by the hash of what was set, never its text. */
    private void log(Repositories repositories, Principal caller, String setting, String value) {
        repositories
                .ledger()
                .append(
                        new ConfigurationChanged(setting, Sha256.OF_NOTHING, Sha256.of(value)),
                        caller.actor(),
                        "administration",
                        caller.requestId(),
                        clock.instant());
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
