package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.access.AccessToken;
import dev.custody.access.AccountId;
import dev.custody.access.CreatedAccount;
import dev.custody.access.IssuedToken;
import dev.custody.access.NewAccount;
import dev.custody.access.Role;
import dev.custody.access.TokenId;
import dev.custody.access.Username;
import dev.custody.contributor.Identity;
import dev.custody.project.OrganizationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in for bearer session tokens, machine API tokens and accounts. Token secrets appear in a
 * response once, when issued, and never again. Browsers sign in through {@link WebSessionRoutes}.
 */
final class AccountRoutes {
    private static final int MAX_LIFETIME_DAYS = 365;

    private final Services services;
    private final WebSettings web;

    AccountRoutes(Services services, WebSettings web) {
        this.services = services;
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/sign-up", this::signUp);
        routes.get("/api/v1/me", this::me);
        routes.delete("/api/v1/bootstrap-token", this::retireBootstrapToken);
        routes.post("/api/v1/sessions", this::signIn);
        routes.delete("/api/v1/sessions/current", this::signOut);
        routes.post("/api/v1/tokens", this::issueToken);
        routes.get("/api/v1/tokens", this::tokens);
        routes.delete("/api/v1/tokens/{token}", this::revokeToken);
        routes.post("/api/v1/accounts", this::createAccount);
        routes.post("/api/v1/accounts/{account}/disable", this::disable);
    }

    private void retireBootstrapToken(Context ctx) {
        services.bootstrapToken().retire(Authentication.principal(ctx));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Json.write(ctx, 200, Views.MeView.of(Authentication.principal(ctx)));
    }

    private void signIn(Context ctx) {
        var request = Json.read(ctx, Requests.SignIn.class);
        if (request.username() == null || request.password() == null) {
            throw CustodyException.invalidInput("username and password are required");
        }
        var issued = services.signIn()
                .signIn(
                        request.username(),
                        request.password(),
                        Optional.ofNullable(request.totp()),
                        web.clientAddress(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, IssuedView.of(issued));
    }

    private void signOut(Context ctx) {
        services.tokens().revokePresented(Authentication.principal(ctx), Authentication.bearer(ctx));
        ctx.status(204);
    }

    private void issueToken(Context ctx) {
        var request = Json.read(ctx, Requests.CreateToken.class);
        if (request.lifetimeDays() == null
                || request.lifetimeDays() < 1
                || request.lifetimeDays() > MAX_LIFETIME_DAYS) {
            throw CustodyException.invalidInput("lifetimeDays is required, 1 to 365");
        }
        var issued =
                services.tokens().issueApiToken(Authentication.principal(ctx), Duration.ofDays(request.lifetimeDays()));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, IssuedView.of(issued));
    }

    private void tokens(Context ctx) {
        Json.write(
                ctx,
                200,
                services.tokens().list(Authentication.principal(ctx)).stream()
                        .map(TokenView::of)
                        .toList());
    }

    private void revokeToken(Context ctx) {
        services.tokens().revoke(Authentication.principal(ctx), new TokenId(ctx.pathParam("token")));
        ctx.status(204);
    }

    private void createAccount(Context ctx) {
        var request = Json.read(ctx, Requests.CreateAccount.class);
        if (request.username() == null || request.password() == null || request.role() == null) {
            throw CustodyException.invalidInput("username, password and role are required");
        }
        var created = services.accounts()
                .create(
                        Authentication.principal(ctx),
                        new NewAccount(
                                new Username(request.username()),
                                request.password(),
                                role(request.role()),
                                Optional.ofNullable(request.organization()).map(OrganizationId::new)));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, AccountView.of(created));
    }

    private void signUp(Context ctx) {
        var request = Json.read(ctx, Requests.SignUp.class);
        if (request.username() == null
                || request.password() == null
                || request.name() == null
                || request.email() == null) {
            throw CustodyException.invalidInput("username, password, name and email are required");
        }
        var signedUp = services.signUp()
                .signUp(
                        new Username(request.username()),
                        request.password(),
                        new Identity(request.name(), request.email()),
                        web.clientAddress(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, Views.SignedUpView.of(signedUp));
    }

    private void disable(Context ctx) {
        services.accounts().disable(Authentication.principal(ctx), new AccountId(ctx.pathParam("account")));
        ctx.status(204);
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role != Role.BOOTSTRAP_ADMIN
                    && role.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return role;
            }
        }
        throw CustodyException.invalidInput(
                "role is one of contributor, client-admin, data-consumer, reviewer, security-officer, operator, auditor");
    }

    record TokenView(
            String id,
            String kind,
            String role,
            String organization,
            String createdAt,
            String expiresAt,
            String lastUsedAt,
            String revokedAt) {
        static TokenView of(AccessToken t) {
            return new TokenView(
                    t.id().value(),
                    t.kind().name().toLowerCase(Locale.ROOT),
                    t.role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    t.organization().map(OrganizationId::value).orElse(null),
                    t.createdAt().toString(),
                    t.expiresAt().toString(),
                    t.lastUsedAt().toString(),
                    t.revokedAt().map(Instant::toString).orElse(null));
        }
    }

    /** {@code token} is the bearer secret, in this response only. */
    record IssuedView(String token, TokenView details) {
        static IssuedView of(IssuedToken issued) {
            return new IssuedView(issued.secret(), TokenView.of(issued.token()));
        }
    }

    /** {@code totpEnrolment} is the otpauth URI, in this response only. */
    record AccountView(String id, String username, String role, String organization, String totpEnrolment) {
        static AccountView of(CreatedAccount created) {
            var a = created.account();
            return new AccountView(
                    a.id().value(),
                    a.username().value(),
                    a.role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    a.organization().map(OrganizationId::value).orElse(null),
                    created.totpEnrolment().orElse(null));
        }
    }
}
