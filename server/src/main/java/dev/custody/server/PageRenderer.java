package dev.custody.server;

import dev.custody.ErrorCode;
import dev.custody.access.CsrfToken;
import dev.custody.access.Principal;
import dev.custody.server.pages.Messages;
import dev.custody.server.pages.Page;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the pages: jte templates compiled to Java at build time (so a template that does not
 * type-check fails the build), HTML-escaped output, the page headers of {@link PageHeaders}, and the
 * reader's language. Errors become a page in words when a browser navigated to the URL (it asks for
 * {@code text/html}); scripts and machines keep getting JSON.
 */
final class PageRenderer {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private PageRenderer() {}

    /** A page for whoever is signed in: its frame shows their navigation and carries the CSRF token. */
    static void render(Context ctx, String template, String script, Map<String, Object> params) {
        Principal principal = Authentication.principal(ctx);
        String csrf = Authentication.cookieAlone(ctx).map(CsrfToken::of).orElse("");
        write(ctx, 200, template, new Page(Languages.of(ctx), csrf, script, Optional.of(roleName(principal))), params);
    }

    /** A page anyone may read. */
    static void renderPublic(Context ctx, String template, String script) {
        write(ctx, 200, template, new Page(Languages.of(ctx), "", script, Optional.empty()), Map.of());
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
        write(ctx, status, "error.jte", new Page(m, "", "page.js", Optional.empty()), Map.of("message", message));
    }

    static String roleName(Principal principal) {
        return principal.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void write(Context ctx, int status, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        var output = new StringOutput();
        TEMPLATES.render(template, all, output);
        PageHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", "Accept-Language, Cookie");
        ctx.status(status).contentType("text/html; charset=utf-8").result(output.toString());
    }
}
