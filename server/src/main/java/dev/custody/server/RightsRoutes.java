package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.clip.ClipId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contributor's rights over their own data, under {@code /api/v1/me}: their clips with receipts,
 * their consents, the history of every access, and the export archive. The pseudonym is always the
 * caller's; a clip in the path must be theirs (the authorization table checks it before the
 * handler, and the service again). Earnings join here once the payout ledger exists.
 */
final class RightsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(RightsRoutes.class);
    private static final int DEFAULT_PAGE = 100;

    private final Services services;

    RightsRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/me/clips", this::clips);
        routes.get("/api/v1/me/clips/{clip}", this::clip);
        routes.get("/api/v1/me/clips/{clip}/receipt", this::receipt);
        routes.get("/api/v1/me/clips/{clip}/history", this::clipHistory);
        routes.get("/api/v1/me/history", this::history);
        routes.get("/api/v1/me/export", this::export);
    }

    private void clips(Context ctx) {
        var clips = services.rights().clips(Authentication.principal(ctx));
        Json.write(ctx, 200, clips.stream().map(RightsViews.MyClipView::of).toList());
    }

    private void clip(Context ctx) {
        var mine = services.rights().clip(Authentication.principal(ctx), clipId(ctx));
        Json.write(ctx, 200, RightsViews.MyClipView.of(mine));
    }

    /** The receipt alone, as the file {@code custody verify receipt} reads. */
    private void receipt(Context ctx) {
        var mine = services.rights().clip(Authentication.principal(ctx), clipId(ctx));
        ctx.contentType("text/plain; charset=utf-8").result(mine.receipt().toText());
    }

    private void clipHistory(Context ctx) {
        var page = services.rights().clipHistory(Authentication.principal(ctx), clipId(ctx), before(ctx), limit(ctx));
        Json.write(ctx, 200, RightsViews.HistoryPageView.of(page));
    }

    private void history(Context ctx) {
        var page = services.rights().history(Authentication.principal(ctx), before(ctx), limit(ctx));
        Json.write(ctx, 200, RightsViews.HistoryPageView.of(page));
    }

    private void export(Context ctx) {
        var principal = Authentication.principal(ctx);
        // The response starts with the archive's first byte: a failure before it is an ordinary error.
        var archive = new ZipExportArchive(principal.requireContributor("export their data"), () -> {
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"custody-my-data.zip\"");
            ctx.header("Cache-Control", "no-store");
            return ctx.outputStream();
        });
        try {
            services.rights().export(principal, archive);
            archive.finish();
        } catch (RuntimeException e) {
            if (!archive.started()) {
                throw e;
            }
            // The status and part of the archive are sent: no error body can follow them, and
            // ending the response as usual would look to the client like a whole (if short)
            // download. Cutting the connection makes the failure visible.
            LOG.warn(
                    "export failed after its first byte ({}): connection aborted",
                    e.getClass().getName());
            ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData()
                    .getConnection()
                    .getEndPoint()
                    .close(e);
        }
    }

    private static ClipId clipId(Context ctx) {
        return new ClipId(ctx.pathParam("clip"));
    }

    static long before(Context ctx) {
        String value = ctx.queryParam("before");
        if (value == null) {
            return Long.MAX_VALUE;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw CustodyException.invalidInput("before must be a ledger index");
        }
        return Long.parseLong(value);
    }

    static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return DEFAULT_PAGE;
        }
        if (!value.matches("[0-9]{1,4}")) {
            throw CustodyException.invalidInput("limit must be a number of entries");
        }
        return Integer.parseInt(value);
    }
}
