package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Identifiers;
import dev.custody.ledger.Actor;
import dev.custody.ledger.ActorRole;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is asking, as established by the server from a verified credential (never from client
 * input), and the id of the request, which every ledger entry the request causes carries.
 */
public record Principal(String id, Role role, String requestId) {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Principal {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(requestId, "requestId is null");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw CustodyException.invalidInput("malformed request id");
        }
    }

    /** The bootstrap administrator, in a request of its own. */
    public static Principal bootstrapAdmin() {
        return new Principal("admin", Role.BOOTSTRAP_ADMIN, newRequestId());
    }

    public static String newRequestId() {
        return Identifiers.random("req");
    }

    /** The same principal acting in another request. */
    public Principal inRequest(String otherRequestId) {
        return new Principal(id, role, otherRequestId);
    }

    /** How the ledger names this principal: by id and role, never by name. */
    public Actor actor() {
        return new Actor(
                id,
                switch (role) {
                    case BOOTSTRAP_ADMIN -> ActorRole.OPERATOR;
                });
    }

    /** Fails with FORBIDDEN unless this principal has one of the roles. */
    public void require(Set<Role> allowed, String action) {
        if (!allowed.contains(role)) {
            throw new CustodyException(ErrorCode.FORBIDDEN, "not allowed to " + action);
        }
    }
}
