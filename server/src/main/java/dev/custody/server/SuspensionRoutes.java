package dev.custody.server;

import dev.custody.Services;
import dev.custody.egress.Suspension;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The security officer's list of suspensions, and the lifting of one. */
final class SuspensionRoutes {
    private final Services services;

    SuspensionRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/suspensions", this::list);
        routes.post("/api/v1/suspensions/{principal}/lift", this::lift);
    }

    private void list(Context ctx) {
        var suspensions = services.suspensions().list(Authentication.principal(ctx));
        Json.write(ctx, 200, suspensions.stream().map(SuspensionView::of).toList());
    }

    private void lift(Context ctx) {
        services.suspensions().lift(Authentication.principal(ctx), ctx.pathParam("principal"));
        ctx.status(204);
    }

    record SuspensionView(String id, String principal, String cause, String suspendedAt, String liftedAt) {
        static SuspensionView of(Suspension suspension) {
            return new SuspensionView(
                    suspension.id(),
                    suspension.principalId(),
                    suspension.cause().name(),
                    suspension.suspendedAt().toString(),
                    suspension.liftedAt().map(Object::toString).orElse(null));
        }
    }
}
