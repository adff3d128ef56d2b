package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Optional;

/**
 * Authentication and authorization, in one place, before any handler runs: finds the matched
 * route's line in {@link AccessPolicy}, establishes the caller from the bearer token (bootstrap,
 * session or API token alike), then checks the caller's role and, for a caller who belongs to an
 * organization, that the resource in the path belongs to it, and for a reviewer, that it belongs to
 * a project assigned to them. A refusal is logged to the ledger and answered {@code 403 FORBIDDEN},
 * the same whether the resource is another's or does not exist.
 */
final class Authentication {
    private static final String PRINCIPAL = "custody.principal";
    private static final String BEARER = "Bearer ";

    private final Services services;

    Authentication(Services services) {
        this.services = services;
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        // Fail closed: a route without a line in the table is refused to everyone.
        AccessRule rule = AccessPolicy.find(endpoint.method.name(), endpoint.path)
                .orElseThrow(() -> new CustodyException(ErrorCode.FORBIDDEN, "not allowed"));
        if (rule.isPublic()) {
            return;
        }
        var principal = services.tokens().authenticate(bearer(ctx));
        // Every ledger entry a request causes carries its id, echoed so clients can correlate.
        String requestId = Principal.newRequestId();
        ctx.header("X-Request-Id", requestId);
        principal = principal.inRequest(requestId);
        if (!rule.roles().contains(principal.role())
                || !ownsResource(ctx, rule, principal)
                || !assignedToResource(ctx, rule, principal)) {
            throw services.tenancy().deny(principal, rule.route());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            // Fail closed: a route reached without authentication must not act for anyone.
            throw new CustodyException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        return principal;
    }

    /** The bearer token as presented; for signing out, which revokes it. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            throw new CustodyException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        return header.substring(BEARER.length()).strip();
    }

    /** A reviewer reaches only the projects assigned to them, and those projects' clips. */
    private boolean assignedToResource(Context ctx, AccessRule rule, Principal principal) {
        if (principal.role() != Role.REVIEWER) {
            return true;
        }
        return switch (rule.owner()) {
            case NONE, ORGANIZATION -> true;
            case PROJECT -> services.tenancy().assigned(principal, new ProjectId(ctx.pathParam("project")));
            case CLIP -> services.tenancy().assigned(principal, new ClipId(ctx.pathParam("clip")));
        };
    }

    private boolean ownsResource(Context ctx, AccessRule rule, Principal principal) {
        if (principal.organization().isEmpty()) {
            return true;
        }
        Optional<OrganizationId> owner = switch (rule.owner()) {
            case NONE -> principal.organization();
            case ORGANIZATION -> Optional.of(new OrganizationId(ctx.pathParam("organization")));
            case PROJECT -> services.tenancy().ownerOf(new ProjectId(ctx.pathParam("project")));
            case CLIP -> services.tenancy().ownerOf(new ClipId(ctx.pathParam("clip")));
        };
        return owner.equals(principal.organization());
    }
}
