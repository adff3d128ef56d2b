package dev.custody.server;

import static java.util.Objects.requireNonNull;

import dev.custody.access.Role;
import java.util.Set;

/**
 * One line of the authorization table: a route (method and Javalin path pattern), the roles that may
 * call it (none for a public route), and which path parameter names the resource whose organization
 * must be the caller's, for callers who belong to one (or, for a contributor's own routes, whose
 * recording must be the caller's).
 */
record AccessRule(String method, String path, boolean isPublic, Set<Role> roles, Owner owner) {
    AccessRule {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        roles = Set.copyOf(roles);
        requireNonNull(owner, "owner is null");
        if (isPublic != roles.isEmpty()) {
            throw new IllegalArgumentException("a route is public or has roles: " + path);
        }
    }

    /** What owns the resource a route acts on, found from one path parameter. */
    enum Owner {
        /** Nothing of an organization's: platform data, or the caller's own (tokens). */
        NONE,
        /** {@code {organization}} is the organization itself. */
        ORGANIZATION,
        /** {@code {project}} belongs to an organization. */
        PROJECT,
        /** {@code {clip}} belongs to a project, which belongs to an organization. */
        CLIP,
        /** {@code {clip}} is one of the calling contributor's own recordings: no one else's. */
        OWN_CLIP
    }

    String route() {
        return method + ":" + path;
    }
}
