package dev.custody.server;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api/v1}, plus {@code /healthz} and {@code /readyz}, and the pages
 * ({@link WebPages}), on Javalin with virtual threads. Routes only translate HTTP to service calls;
 * every error becomes JSON {@code {code, message}} with the status of {@link ErrorStatus}, in one
 * place, or for a browser's navigation a page that says it in words.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<ErrorCode> LOGGED_REFUSALS =
            EnumSet.of(ErrorCode.UNAUTHENTICATED, ErrorCode.CSRF_REJECTED, ErrorCode.RATE_LIMITED);

    private final Javalin javalin;

    private ApiServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one), reached directly (no proxy). */
    public static ApiServer start(String host, int port, Services services) {
        return start(host, port, services, WebSettings.direct());
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one), reached as {@code web} says. */
    public static ApiServer start(String host, int port, Services services, WebSettings web) {
        requireNonNull(services, "services is null");
        requireNonNull(web, "web is null");
        var authentication = new Authentication(services, web);
        var accounts = new AccountRoutes(services, web);
        var webSessions = new WebSessionRoutes(services, web);
        var pages = new WebPages(services);
        var clips = new ClipRoutes(services);
        var admin = new AdminRoutes(services);
        var consent = new ConsentRoutes(services, web);
        var ledger = new LedgerRoutes(services);
        var keys = new KeyRoutes(services);
        var reviews = new ReviewRoutes(services);
        var payouts = new PayoutRoutes(services);
        var rights = new RightsRoutes(services);
        var compliance = new ComplianceRoutes(services);
        var integrity = new IntegrityRoutes(services);
        var grants = new GrantRoutes(services);
        var suspensions = new SuspensionRoutes(services);
        Javalin javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Json.MAX_BODY_BYTES;
            // Requests Jetty refuses before any route sees them answer in the same JSON shape.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.routes.get("/healthz", ctx -> Json.write(ctx, 200, Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> readiness(ctx, services));
            // Every matched route, public ones included, passes the one authorization table.
            config.routes.beforeMatched(authentication::check);
            accounts.register(config.routes);
            webSessions.register(config.routes);
            pages.register(config.routes);
            admin.register(config.routes);
            consent.register(config.routes);
            clips.register(config.routes);
            ledger.register(config.routes);
            keys.register(config.routes);
            reviews.register(config.routes);
            payouts.register(config.routes);
            rights.register(config.routes);
            compliance.register(config.routes);
            grants.register(config.routes);
            suspensions.register(config.routes);
            integrity.register(config.routes);
            config.routes.exception(CustodyException.class, (e, ctx) -> {
                integrity.alarmIfUnraised(e, ctx);
                custodyError(e, ctx);
            });
            config.routes.exception(HttpResponseException.class, ApiServer::httpError);
            config.routes.exception(Exception.class, ApiServer::unexpectedError);
        });
        var server = new ApiServer(javalin);
        server.requireEveryRouteInTheTable();
        javalin.start(host, port);
        return server;
    }

    public int port() {
        return javalin.port();
    }

    /** Every route registered, as {@code METHOD:path}: compared with the authorization table by a test. */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + ":" + parsed.endpoint.path)
                .toList();
    }

    /** Refuses to serve a route the authorization table lacks, or a table line for no route. */
    private void requireEveryRouteInTheTable() {
        Set<String> registered = new TreeSet<>(routes());
        Set<String> declared = new TreeSet<>(AccessPolicy.routes());
        if (!registered.equals(declared)) {
            Set<String> missing = new TreeSet<>(registered);
            missing.removeAll(declared);
            Set<String> stale = new TreeSet<>(declared);
            stale.removeAll(registered);
            throw new IllegalStateException("authorization table out of date; routes without a rule: " + missing
                    + ", rules without a route: " + stale);
        }
    }

    private static void readiness(Context ctx, Services services) {
        Map<String, Boolean> checks = services.health().check();
        boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
        Json.write(ctx, ready ? 200 : 503, Map.of("ready", ready, "checks", checks));
    }

    private static void custodyError(CustodyException e, Context ctx) {
        // Whole seconds, rounded up: a client that waits as told is never refused for being early.
        e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString((wait.toMillis() + 999) / 1000)));
        if (LOGGED_REFUSALS.contains(e.code())) {
            // Refusals the ledger cannot hold (no principal to name) or that mark abuse go to the
            // operator's log too: the route and the code, never a credential, a query or the body.
            LOG.warn("refused {} {}: {}", ctx.method(), ctx.path(), e.code());
        }
        if (PageRenderer.wantsPage(ctx)) {
            PageRenderer.error(ctx, ErrorStatus.of(e.code()), e.code());
            return;
        }
        Json.write(ctx, ErrorStatus.of(e.code()), new ErrorBody(e.code().name(), e.getMessage()));
    }

    /** Javalin's own responses (no such route, method not allowed) in the same JSON shape. */
    private static void httpError(HttpResponseException e, Context ctx) {
        ErrorCode code = e.getStatus() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_INPUT;
        String message = e.getStatus() == 404 ? "no such route" : "request refused (HTTP " + e.getStatus() + ")";
        if (PageRenderer.wantsPage(ctx)) {
            PageRenderer.error(ctx, e.getStatus(), code);
            return;
        }
        Json.write(ctx, e.getStatus(), new ErrorBody(code.name(), message));
    }

    private static void unexpectedError(Exception e, Context ctx) {
        // Logged by type only: a message might echo request data.
        LOG.error("unexpected {} on {} {}", e.getClass().getName(), ctx.method(), ctx.path());
        if (PageRenderer.wantsPage(ctx)) {
            PageRenderer.error(ctx, 500, ErrorCode.INTERNAL);
            return;
        }
        Json.write(ctx, 500, new ErrorBody(ErrorCode.INTERNAL.name(), "internal error"));
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
