package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.CsrfToken;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Authentication and authorization, in one place, before any handler runs: finds the matched
 * route's line in {@link AccessPolicy}, establishes the caller from the bearer token (bootstrap,
 * session or API token alike) or from the browser's session cookie, then checks the caller's role
 * and, for a caller who belongs to an organization, that the resource in the path belongs to it;
 * for a reviewer, that it belongs to a project assigned to them; on a contributor's own routes,
 * that the clip in the path is theirs. A refusal is logged to the ledger and answered {@code 403
 * FORBIDDEN}, the same whether the resource is another's or does not exist.
 *
 * <p>A browser's cookie is sent with every request to this site, forged ones included, so a request
 * authenticated by the cookie alone that changes something (any method but GET, HEAD and OPTIONS)
 * must also carry the session's {@link CsrfToken} and come from this site ({@link BrowserOrigin});
 * otherwise it is refused {@code 403 CSRF_REJECTED}, logged, before anything else happens. A bearer
 * token is never sent by a browser on its own, so it needs neither. A request carrying both must
 * carry two valid credentials of the same account.
 */
final class Authentication {
    private static final String PRINCIPAL = "custody.principal";
    private static final String SESSION_COOKIE = "custody.session-cookie";
    private static final String BEARER = "Bearer ";
    private static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF_FIELD = "_csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Services services;
    private final WebSettings web;

    Authentication(Services services, WebSettings web) {
        this.services = services;
        this.web = web;
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        // Fail closed: a route without a line in the table is refused to everyone.
        AccessRule rule = AccessPolicy.find(endpoint.method.name(), endpoint.path)
                .orElseThrow(() -> new CustodyException(ErrorCode.FORBIDDEN, "not allowed"));
        if (rule.isPublic()) {
            return;
        }
        Optional<String> cookie = sessionCookie(ctx);
        var principal = authenticate(ctx, cookie);
        // Every ledger entry a request causes carries its id, echoed so clients can correlate.
        String requestId = Principal.newRequestId();
        ctx.header("X-Request-Id", requestId);
        principal = principal.inRequest(requestId);
        boolean byCookieAlone = cookie.isPresent() && bearerHeader(ctx).isEmpty();
        if (byCookieAlone && !SAFE_METHODS.contains(endpoint.method.name()) && !provenSameSite(ctx, cookie.get())) {
            throw services.tenancy().denyForgery(principal, rule.route());
        }
        if (!rule.roles().contains(principal.role())
                || !ownsResource(ctx, rule, principal)
                || !assignedToResource(ctx, rule, principal)) {
            throw services.tenancy().deny(principal, rule.route());
        }
        ctx.attribute(PRINCIPAL, principal);
        if (byCookieAlone) {
            ctx.attribute(SESSION_COOKIE, cookie.get());
        }
    }

    private Principal authenticate(Context ctx, Optional<String> cookie) {
        Optional<String> bearer = bearerHeader(ctx);
        if (bearer.isEmpty()) {
            return services.tokens()
                    .authenticateWebSession(cookie.orElseThrow(
                            () -> unauthenticated("a bearer token or a session cookie is required")));
        }
        Principal principal = services.tokens().authenticate(bearer.get());
        if (cookie.isPresent()
                && !services.tokens().authenticateWebSession(cookie.get()).id().equals(principal.id())) {
            throw unauthenticated("the bearer token and the session cookie are of different accounts");
        }
        return principal;
    }

    /** The one session cookie presented, if any; more than one is refused (one may be planted). */
    private Optional<String> sessionCookie(Context ctx) {
        List<String> presented = SessionCookie.presented(ctx, web.secureCookies(ctx));
        if (presented.size() > 1) {
            throw unauthenticated("more than one session cookie; sign in again");
        }
        return presented.stream().findFirst();
    }

    private boolean provenSameSite(Context ctx, String cookie) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null && ctx.isFormUrlencoded()) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        return presented != null && BrowserOrigin.fromThisSite(ctx, web) && CsrfToken.matches(cookie, presented);
    }

    /** The principal the request authenticated as, if it did. */
    static Optional<Principal> authenticated(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            // Fail closed: a route reached without authentication must not act for anyone.
            throw unauthenticated("a bearer token is required");
        }
        return principal;
    }

    /** The session cookie that alone authenticated this request; for the browser session's own routes. */
    static String presentedCookie(Context ctx) {
        String cookie = ctx.attribute(SESSION_COOKIE);
        if (cookie == null) {
            throw CustodyException.invalidInput("this route is for a browser's session cookie, without a bearer token");
        }
        return cookie;
    }

    /** The session cookie that alone authenticated this request, if one did: pages embed its CSRF token. */
    static Optional<String> cookieAlone(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_COOKIE));
    }

    /** The bearer token as presented; for signing out, which revokes it. */
    static String bearer(Context ctx) {
        return bearerHeader(ctx).orElseThrow(() -> unauthenticated("a bearer token is required"));
    }

    private static Optional<String> bearerHeader(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.startsWith(BEARER)) {
            throw unauthenticated("a bearer token is required");
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static CustodyException unauthenticated(String message) {
        return new CustodyException(ErrorCode.UNAUTHENTICATED, message);
    }

    /** A reviewer reaches only the projects assigned to them, and those projects' clips. */
    private boolean assignedToResource(Context ctx, AccessRule rule, Principal principal) {
        if (principal.role() != Role.REVIEWER) {
            return true;
        }
        return switch (rule.owner()) {
            case NONE, ORGANIZATION, OWN_CLIP -> true;
            case PROJECT -> services.tenancy().assigned(principal, new ProjectId(ctx.pathParam("project")));
            case CLIP -> services.tenancy().assigned(principal, new ClipId(ctx.pathParam("clip")));
        };
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
