package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.access.AccountId;
import dev.custody.project.ProjectId;
import dev.custody.receipt.SignedConsentReceipt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Objects;

/**
 * Consent terms (publish, read) and the contributor's own acts: consent, the list of their consents
 * with receipts, withdrawal for a project or for everything, and deleting their account. A refusal
 * on any of these routes (malformed or over-long input, stale terms, nothing to withdraw) is logged
 * to the ledger with its error code, never with the input.
 */
final class ConsentRoutes {
    private final Services services;
    private final WebSettings web;

    ConsentRoutes(Services services, WebSettings web) {
        this.services = services;
        this.web = Objects.requireNonNull(web, "web is null");
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/projects/{project}/terms", logged("publish-terms", this::publish));
        routes.get("/api/v1/projects/{project}/terms", logged("read-terms", this::currentTerms));
        routes.get("/api/v1/projects/{project}/terms/{version}", logged("read-terms", this::terms));
        routes.post("/api/v1/me/consents", logged("consent", this::consent));
        routes.get("/api/v1/me/consents", logged("list-consents", this::consents));
        routes.post("/api/v1/me/consents/{project}/withdraw", logged("withdraw", this::withdraw));
        routes.post("/api/v1/me/withdraw", logged("withdraw-all", this::withdrawAll));
        routes.delete("/api/v1/me", logged("delete-account", this::deleteAccount));
    }

    private Handler logged(String operation, Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (CustodyException e) {
                throw services.tenancy().refused(Authentication.principal(ctx), operation, e);
            }
        };
    }

    private void publish(Context ctx) {
        var draft = TermsRequests.draft(Json.read(ctx, Requests.Terms.class));
        var terms = services.consent().publish(Authentication.principal(ctx), project(ctx), draft);
        Json.write(ctx, 201, Views.TermsView.of(terms));
    }

    private void currentTerms(Context ctx) {
        var terms = services.consent().currentTerms(Authentication.principal(ctx), project(ctx));
        Json.write(ctx, 200, Views.TermsView.of(terms));
    }

    private void terms(Context ctx) {
        int version = TermsRequests.version(ctx.pathParam("version"));
        var terms = services.consent().terms(Authentication.principal(ctx), project(ctx), version);
        Json.write(ctx, 200, Views.TermsView.of(terms));
    }

    private void consent(Context ctx) {
        var act = TermsRequests.act(Json.read(ctx, Requests.GiveOwnConsent.class));
        SignedConsentReceipt receipt = services.consent().consent(Authentication.principal(ctx), act);
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, Views.MyConsentView.given(receipt));
    }

    private void consents(Context ctx) {
        var consents = services.consent().consents(Authentication.principal(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(
                ctx,
                200,
                consents.stream()
                        .map(c -> Views.MyConsentView.of(c.consent(), c.receipt()))
                        .toList());
    }

    private void withdraw(Context ctx) {
        var withdrawal = services.withdrawal().withdraw(Authentication.principal(ctx), project(ctx));
        Json.write(ctx, 200, Views.WithdrawalView.of(withdrawal));
    }

    private void withdrawAll(Context ctx) {
        var withdrawal = services.withdrawal().withdrawAll(Authentication.principal(ctx));
        Json.write(ctx, 200, Views.WithdrawalView.of(withdrawal));
    }

    /** Deleting the account cannot be undone: the password is asked for again, {@code {password}}. */
    private void deleteAccount(Context ctx) {
        var caller = Authentication.principal(ctx);
        var request = Json.read(ctx, Requests.ConfirmPassword.class);
        if (request.password() == null) {
            throw CustodyException.invalidInput("the password is required to delete the account");
        }
        services.signIn().confirmPassword(new AccountId(caller.id()), request.password(), web.clientAddress(ctx));
        services.withdrawal().deleteAccount(caller);
        ctx.status(204);
    }

    private static ProjectId project(Context ctx) {
        return new ProjectId(ctx.pathParam("project"));
    }
}
