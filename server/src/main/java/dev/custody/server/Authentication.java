package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.clip.ClipId;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authentication and authorization, in one place, before any handler runs: finds the matched
 * route's line in {@link AccessPolicy}, establishes the caller from the bearer token (bootstrap,
 * session or API token alike), then checks the caller's role and, for a caller who belongs to an
 * organization, that the resource in the path belongs to it; on a contributor's own routes, that
 * the clip in the path is theirs. A refusal is logged to the ledger and answered {@code 403
 * FORBIDDEN}, the same whether the resource is another's or does not exist.
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
        if (!rule.roles().contains(principal.role()) || !ownsResource(ctx, rule, principal)) {
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

    private boolean ownsResource(Context ctx, AccessRule rule, Principal principal) {
        return switch (rule.owner()) {
            case NONE -> true;
            case ORGANIZATION ->
                inOwnOrganization(principal, () -> Optional.of(new OrganizationId(ctx.pathParam("organization"))));
            case PROJECT ->
                inOwnOrganization(principal, () -> services.tenancy().ownerOf(new ProjectId(ctx.pathParam("project"))));
            case CLIP ->
                inOwnOrganization(principal, () -> services.tenancy().ownerOf(new ClipId(ctx.pathParam("clip"))));
            // Fail closed: a principal speaking for no one owns no clip.
            case OWN_CLIP ->
                principal.contributor().isPresent()
                        && services.tenancy()
                                .contributorOf(new ClipId(ctx.pathParam("clip")))
                                .equals(principal.contributor());
        };
    }

    /** Platform principals pass; a client principal only for its own organization's resource. */
    private static boolean inOwnOrganization(Principal principal, Supplier<Optional<OrganizationId>> owner) {
        return principal.organization().isEmpty() || owner.get().equals(principal.organization());
    }
}
