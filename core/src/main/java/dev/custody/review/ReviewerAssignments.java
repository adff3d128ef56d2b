package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.project.ProjectId;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Which reviewers work on which project. An operator assigns and unassigns reviewer accounts; each
 * change is logged as {@code PermissionChanged} (the reviewer, GRANTED or REVOKED, the project as
 * scope) in the same transaction. A reviewer reaches only the projects assigned to them: the
 * authorization table, the custodian and the review service all check it.
 *
 * <p>Throws {@code FORBIDDEN} (role), {@code NOT_FOUND} (project, account, assignment) and {@code
 * INVALID_INPUT} (an account that is not an enabled reviewer).
 */
public final class ReviewerAssignments {
    private static final Set<Role> MAY_ASSIGN = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final Clock clock;

    public ReviewerAssignments(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Assigns the reviewer; false, logging nothing, if they were assigned already. */
    public boolean assign(Principal caller, ProjectId project, AccountId reviewer) {
        caller.require(MAY_ASSIGN, "assign reviewers");
        return metadata.inTransaction(repositories -> {
            requireProject(repositories, project);
            Account account = repositories
                    .accounts()
                    .find(reviewer)
                    .orElseThrow(() -> CustodyException.notFound("no such account"));
            if (account.role() != Role.REVIEWER || account.disabled()) {
                throw CustodyException.invalidInput("only an enabled reviewer account can be assigned");
            }
            boolean assigned = repositories.reviews().assign(project, reviewer, clock.instant());
            if (assigned) {
                log(repositories, caller, project, reviewer, PermissionChange.GRANTED);
            }
            return assigned;
        });
    }

    public void unassign(Principal caller, ProjectId project, AccountId reviewer) {
        caller.require(MAY_ASSIGN, "unassign reviewers");
        metadata.useTransaction(repositories -> {
            if (!repositories.reviews().unassign(project, reviewer)) {
                throw CustodyException.notFound("no such assignment");
            }
            log(repositories, caller, project, reviewer, PermissionChange.REVOKED);
        });
    }

    public List<AccountId> reviewers(Principal caller, ProjectId project) {
        caller.require(MAY_ASSIGN, "list reviewers");
        return metadata.inReadTransaction(repositories -> {
            requireProject(repositories, project);
            return repositories.reviews().reviewers(project);
        });
    }

    /** The projects assigned to the calling reviewer. */
    public List<ProjectId> assignedProjects(Principal caller) {
        caller.require(Set.of(Role.REVIEWER), "list assigned projects");
        return metadata.inReadTransaction(
                repositories -> repositories.reviews().projectsOf(new AccountId(caller.id())));
    }

    // Only that it exists: reading the whole project would read all of its prompts.
    private static void requireProject(Repositories repositories, ProjectId project) {
        repositories.projects().owner(project).orElseThrow(() -> CustodyException.notFound("no such project"));
    }

    private void log(
            Repositories repositories,
            Principal caller,
            ProjectId project,
            AccountId reviewer,
            PermissionChange change) {
        repositories
                .ledger()
                .append(
                        new PermissionChanged(reviewer.value(), ActorRole.REVIEWER, change, project.value()),
                        caller.actor(),
                        "administration",
                        caller.requestId(),
                        clock.instant());
    }
}
