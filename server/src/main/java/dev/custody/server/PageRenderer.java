package dev.custody.server;

import dev.custody.ErrorCode;
import dev.custody.access.CsrfToken;
import dev.custody.access.Principal;
import dev.custody.server.pages.Messages;
import dev.custody.server.pages.Page;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers with a page from {@link Templates}: the headers of {@link PageHeaders}, the reader's
 * language, and for a signed-in reader their navigation and the session's CSRF token. Errors become
 * a page in words when a browser navigated to the URL (it asks for {@code text/html}); scripts and
 * machines keep getting JSON.
 */
final class PageRenderer {
    private PageRenderer() {}

    /** A page for whoever is signed in, rendered with their frame. */
    static void render(Context ctx, String script, Function<Page, String> template) {
        Principal principal = Authentication.principal(ctx);
        String csrf = Authentication.cookieAlone(ctx).map(CsrfToken::of).orElse("");
        write(ctx, 200, template.apply(new Page(Languages.of(ctx), csrf, script, Optional.of(roleName(principal)))));
    }

    /** A page anyone may read. */
    static void renderPublic(Context ctx, String script, Function<Page, String> template) {
        write(ctx, 200, template.apply(new Page(Languages.of(ctx), "", script, Optional.empty())));
    }

    /** Whether the request is a browser's navigation, which should see an error as a page. */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The error as a page in the reader's language: what happened, in words, never a trace. */
    static void error(Context ctx, int status, ErrorCode code) {
        Messages m = Languages.of(ctx);
        String key = "error." + code.name();
        String message = m.has(key) ? m.lookup(key) : m.lookup("error.generic");
        write(ctx, status, Templates.error(new Page(m, "", "page.js", Optional.empty()), message));
    }

    private static String roleName(Principal principal) {
        return principal.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void write(Context ctx, int status, String html) {
        PageHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", "Accept-Language, Cookie");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }
}
