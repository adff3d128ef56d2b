package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.grant.GrantId;
import dev.custody.grant.NewGrant;
import dev.custody.grant.RevocationFeed;
import dev.custody.project.OrganizationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data-use grants: create, read, list, suspend, revoke. */
final class GrantRoutes {
    static final String GRANT = "/api/v1/grants/{grant}";
    static final String ORGANIZATION_GRANTS = "/api/v1/organizations/{organization}/grants";

    private final Services services;

    GrantRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post(ORGANIZATION_GRANTS, this::create);
        routes.get(ORGANIZATION_GRANTS, this::ofOrganization);
        routes.get("/api/v1/me/grants", this::mine);
        routes.get(GRANT, this::grant);
        routes.post(GRANT + "/suspend", this::suspend);
        routes.post(GRANT + "/revoke", this::revoke);
        routes.get(GRANT + "/revocations", this::feed);
        routes.post(GRANT + "/revocations/acknowledgments", this::acknowledge);
        routes.get("/api/v1/revocations/overdue", this::overdue);
    }

    /** A signed page of the revocation feed, as text (see RevocationFeedFormat). */
    private void feed(Context ctx) {
        String page = services.revocations()
                .read(Authentication.principal(ctx), grantId(ctx), number(ctx, "after", 0), (int)
                        number(ctx, "limit", RevocationFeed.MAX_PAGE));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result(page);
    }

    private void acknowledge(Context ctx) {
        var request = Json.read(ctx, Acknowledgment.class);
        if (request.sequences() == null
                || request.sequences().isEmpty()
                || request.sequences().contains(null)) {
            throw CustodyException.invalidInput("sequences: the feed entries deleted, at least one");
        }
        int acknowledged = services.revocations()
                .acknowledge(Authentication.principal(ctx), grantId(ctx), Set.copyOf(request.sequences()));
        Json.write(ctx, 200, Map.of("acknowledged", acknowledged));
    }

    private void overdue(Context ctx) {
        var overdue = services.revocations().overdue(Authentication.principal(ctx)).stream()
                .map(revocation -> new OverdueView(
                        revocation.grant().value(),
                        revocation.sequence(),
                        revocation.sampleKey(),
                        revocation.reason().name(),
                        revocation.revokedAt().toString()))
                .toList();
        Json.write(ctx, 200, overdue);
    }

    private static long number(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw CustodyException.invalidInput(name + " must be a whole number");
        }
        return Long.parseLong(value);
    }

    record Acknowledgment(List<Long> sequences) {}

    record OverdueView(String grant, long sequence, String sampleKey, String reason, String revokedAt) {}

    private void create(Context ctx) {
        var principal = Authentication.principal(ctx);
        NewGrant request;
        try {
            request = GrantRequests.grant(Json.read(ctx, GrantRequests.CreateGrant.class));
        } catch (CustodyException e) {
            throw e.code() == ErrorCode.FORBIDDEN ? e : services.tenancy().refused(principal, "grant", e);
        }
        var grant = services.grants().create(principal, new OrganizationId(ctx.pathParam("organization")), request);
        Json.write(ctx, 201, GrantView.of(grant));
    }

    private void ofOrganization(Context ctx) {
        var grants = services.grants()
                .ofOrganization(Authentication.principal(ctx), new OrganizationId(ctx.pathParam("organization")));
        Json.write(ctx, 200, grants.stream().map(GrantView::of).toList());
    }

    private void mine(Context ctx) {
        var grants = services.grants().mine(Authentication.principal(ctx));
        Json.write(ctx, 200, grants.stream().map(GrantView::of).toList());
    }

    private void grant(Context ctx) {
        var principal = Authentication.principal(ctx);
        var id = grantId(ctx);
        var grant = services.grants().find(principal, id);
        Json.write(ctx, 200, GrantView.of(grant, services.grants().exclusions(principal, id)));
    }

    private void suspend(Context ctx) {
        Json.write(ctx, 200, GrantView.of(services.grants().suspend(Authentication.principal(ctx), grantId(ctx))));
    }

    private void revoke(Context ctx) {
        Json.write(ctx, 200, GrantView.of(services.grants().revoke(Authentication.principal(ctx), grantId(ctx))));
    }

    private static GrantId grantId(Context ctx) {
        return new GrantId(ctx.pathParam("grant"));
    }
}
