package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.CsrfToken;
import dev.custody.access.IssuedToken;
import dev.custody.access.Principal;
import dev.custody.project.OrganizationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Browser sessions: signing in with a form sets the session cookie ({@link SessionCookie}) and
 * answers with the session's CSRF token, never the secret; the page reads the token again from
 * {@code GET /web/sessions/current}; signing out revokes the session and clears the cookie. Signing
 * in revokes whatever session cookie the browser already held (rotation, against session fixation)
 * and, like every request a browser sends that changes something, must come from this site.
 */
final class WebSessionRoutes {
    static final String SESSIONS = "/web/sessions";
    static final String CURRENT = "/web/sessions/current";

    private final Services services;
    private final WebSettings web;

    WebSessionRoutes(Services services, WebSettings web) {
        this.services = services;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.post(SESSIONS, this::signIn);
        routes.get(CURRENT, this::current);
        routes.delete(CURRENT, this::signOut);
    }

    private void signIn(Context ctx) {
        if (!BrowserOrigin.fromThisSite(ctx, web)) {
            // A forged sign-in (login CSRF) has no principal to name in the ledger: the server log has it.
            throw new CustodyException(ErrorCode.CSRF_REJECTED, "a sign-in form must come from this site");
        }
        if (!ctx.isFormUrlencoded()) {
            throw CustodyException.invalidInput("a sign-in form is application/x-www-form-urlencoded");
        }
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        if (username == null || password == null) {
            throw CustodyException.invalidInput("username and password are required");
        }
        boolean secure = web.secureCookies(ctx);
        IssuedToken session = services.signIn()
                .signInBrowser(
                        username,
                        password,
                        Optional.ofNullable(ctx.formParam("totp")).filter(code -> !code.isEmpty()),
                        web.clientAddress(ctx),
                        SessionCookie.presented(ctx, secure));
        SessionCookie.set(ctx, session.secret(), secure);
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, SessionView.of(session.token().principal(Principal.newRequestId()), session.secret()));
    }

    private void current(Context ctx) {
        String cookie = Authentication.presentedCookie(ctx);
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, SessionView.of(Authentication.principal(ctx), cookie));
    }

    private void signOut(Context ctx) {
        services.tokens().revokePresented(Authentication.principal(ctx), Authentication.presentedCookie(ctx));
        SessionCookie.clear(ctx, web.secureCookies(ctx));
        ctx.status(204);
    }

    /** Who is signed in, and the CSRF token to send with every request that changes something. */
    record SessionView(String account, String role, String organization, String csrfToken) {
        static SessionView of(Principal principal, String sessionSecret) {
            return new SessionView(
                    principal.id(),
                    principal.role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    principal.organization().map(OrganizationId::value).orElse(null),
                    CsrfToken.of(sessionSecret));
        }
    }
}
