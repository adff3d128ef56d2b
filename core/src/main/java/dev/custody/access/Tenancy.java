package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.ledger.RequestRefused;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.util.Optional;

/**
 * What the authorization table needs from the data: which organization owns a project or a clip,
 * which projects a reviewer is assigned to, whose recording a clip is, and a ledger record of every
 * refusal ({@link #refused} for refused input). {@link #deny} appends {@code PermissionChanged(DENIED)}
 * naming the principal and the route (never the ids in the path) and returns the uniform {@code
 * FORBIDDEN} failure, the same for "not yours" and "does not exist", so a refusal leaks nothing;
 * {@link #denyForgery} does the same for a request refused as a possible cross-site forgery.
 */
public final class Tenancy {
    private final MetadataStore metadata;
    private final Clock clock;

    public Tenancy(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Optional<OrganizationId> ownerOf(ProjectId project) {
        requireNonNull(project, "project is null");
        return metadata.inReadTransaction(r -> r.projects().owner(project));
    }

    public Optional<OrganizationId> ownerOf(ClipId clip) {
        requireNonNull(clip, "clip is null");
        return metadata.inReadTransaction(r -> r.clips()
                .find(clip)
                .map(Clip::project)
                .flatMap(project -> r.projects().owner(project)));
    }

    /**
     * Whether the reviewer is assigned to the project, which is all a reviewer may reach of it;
     * false for a project that does not exist.
     */
    public boolean assigned(Principal reviewer, ProjectId project) {
        requireNonNull(project, "project is null");
        AccountId account = new AccountId(reviewer.id());
        return metadata.inReadTransaction(r -> r.reviews().isAssigned(project, account));
    }

    /** Whether the reviewer is assigned to the clip's project; false for a clip that does not exist. */
    public boolean assigned(Principal reviewer, ClipId clip) {
        requireNonNull(clip, "clip is null");
        AccountId account = new AccountId(reviewer.id());
        return metadata.inReadTransaction(r -> r.clips()
                .find(clip)
                .map(found -> r.reviews().isAssigned(found.project(), account))
                .orElse(false));
    }

    /** The contributor whose clip this is: contributors' routes act on their own clips only. */
    public Optional<Pseudonym> contributorOf(ClipId clip) {
        requireNonNull(clip, "clip is null");
        return metadata.inReadTransaction(r -> r.clips().find(clip).map(Clip::contributor));
    }

    /**
     * Logs that {@code operation} was refused to {@code caller} before it changed anything (malformed
     * input, a stale version...), with the failure's code only, and returns the failure. The refusal
     * stands even if the log cannot take it.
     */
    public CustodyException refused(Principal caller, String operation, CustodyException failure) {
        requireNonNull(caller, "caller is null");
        requireNonNull(failure, "failure is null");
        try {
            metadata.inTransaction(r -> r.ledger()
                    .append(
                            new RequestRefused(caller.actor().id(), operation, failure.code()),
                            caller.actor(),
                            "refusal",
                            caller.requestId(),
                            clock.instant()));
        } catch (RuntimeException logFailure) {
            failure.addSuppressed(logFailure);
        }
        return failure;
    }

    /** Logs the refusal of {@code route} (a method and path pattern) to {@code caller}; returns the failure. */
    public CustodyException deny(Principal caller, String route) {
        log(caller, route, "authorization");
        return new CustodyException(ErrorCode.FORBIDDEN, "not allowed");
    }

    /**
     * Logs the refusal of a cookie-authenticated request to {@code route} that lacked the session's
     * CSRF token or came from another origin (a possible cross-site request forgery); returns the
     * failure, {@code CSRF_REJECTED}.
     */
    public CustodyException denyForgery(Principal caller, String route) {
        log(caller, route, "csrf");
        return new CustodyException(
                ErrorCode.CSRF_REJECTED,
                "a request that changes something needs the session's CSRF token (X-CSRF-Token or _csrf)"
                        + " and must come from this site");
    }

    private void log(Principal caller, String route, String reason) {
        requireNonNull(caller, "caller is null");
        requireNonNull(route, "route is null");
        metadata.useTransaction(r -> {
            r.ledger()
                    .append(
                            new PermissionChanged(
                                    caller.actor().id(), caller.role().actorRole(), PermissionChange.DENIED, route),
                            caller.actor(),
                            reason,
                            caller.requestId(),
                            clock.instant());
        });
    }
}
