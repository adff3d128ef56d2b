package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.Set;

/** Who is asking, as established by the server from a verified credential. Never from client input. */
public record Principal(String id, Role role) {
    public Principal {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
    }

    public static Principal bootstrapAdmin() {
        return new Principal("admin", Role.BOOTSTRAP_ADMIN);
    }

    /** Fails with FORBIDDEN unless this principal has one of the roles. */
    public void require(Set<Role> allowed, String action) {
        if (!allowed.contains(role)) {
            throw new CustodyException(ErrorCode.FORBIDDEN, "not allowed to " + action);
        }
    }
}
