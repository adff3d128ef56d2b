package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Identifiers;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Actor;
import dev.custody.project.OrganizationId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is asking, as established by the server from a verified credential (never from client
 * input), and the id of the request, which every ledger entry the request causes carries.
 *
 * <p>A principal of a client role ({@link Role#inOrganization()}) belongs to exactly one
 * organization; every other principal to none. The constructor throws {@code INVALID_INPUT}
 * otherwise, or for a malformed request id.
 */
public record Principal(
        String id,
        Role role,
        Optional<OrganizationId> organization,
        String requestId,
        Optional<Pseudonym> contributor) {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Principal {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(contributor, "contributor is null");
        if (contributor.isPresent() && role != Role.CONTRIBUTOR) {
            throw CustodyException.invalidInput("only a contributor principal speaks for a pseudonym");
        }
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw CustodyException.invalidInput("malformed request id");
        }
        if (role.inOrganization() != organization.isPresent()) {
            throw CustodyException.invalidInput(
                    role.inOrganization() ? "this role needs an organization" : "this role has no organization");
        }
    }

    /** A principal that speaks for no contributor. */
    public Principal(String id, Role role, Optional<OrganizationId> organization, String requestId) {
        this(id, role, organization, requestId, Optional.empty());
    }

    /** The bootstrap administrator, in a request of its own. */
    public static Principal bootstrapAdmin() {
        return new Principal("admin", Role.BOOTSTRAP_ADMIN, Optional.empty(), newRequestId());
    }

    /** A principal in a request of its own. */
    public static Principal of(String id, Role role, Optional<OrganizationId> organization) {
        return new Principal(id, role, organization, newRequestId());
    }

    public static String newRequestId() {
        return Identifiers.random("req");
    }

    /** The same principal acting in another request. */
    public Principal inRequest(String otherRequestId) {
        return new Principal(id, role, organization, otherRequestId, contributor);
    }

    /** The same principal, speaking for the contributor its account is linked to. */
    public Principal speakingFor(Pseudonym pseudonym) {
        return new Principal(id, role, organization, requestId, Optional.of(pseudonym));
    }

    /**
     * How the ledger names this principal: by id and role, never by name. A contributor is named by
     * pseudonym, as every entry about their recordings names them, so the ledger never pairs an
     * account id with a pseudonym.
     */
    public Actor actor() {
        return new Actor(contributor.map(Pseudonym::value).orElse(id), role.actorRole());
    }

    /** The pseudonym of the contributor this principal is; FORBIDDEN for anyone else. */
    public Pseudonym requireContributor(String action) {
        return contributor.orElseThrow(() -> forbidden(action));
    }

    /** Fails with FORBIDDEN unless this principal has one of the roles. */
    public void require(Set<Role> allowed, String action) {
        if (!allowed.contains(role)) {
            throw forbidden(action);
        }
    }

    /**
     * Fails with FORBIDDEN if this principal belongs to an organization other than {@code owner}:
     * tenancy is strict. Platform principals pass (their roles are checked by {@link #require}).
     */
    public void requireOwnOrganization(OrganizationId owner, String action) {
        requireNonNull(owner, "owner is null");
        if (organization.isPresent() && !organization.get().equals(owner)) {
            throw forbidden(action);
        }
    }

    private static CustodyException forbidden(String action) {
        return new CustodyException(ErrorCode.FORBIDDEN, "not allowed to " + action);
    }
}
