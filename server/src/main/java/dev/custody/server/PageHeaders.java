package dev.custody.server;

import io.javalin.http.Context;

/**
 * The headers of every page and of the files pages load. The Content-Security-Policy lets a page
 * load only this site's own files: no inline script or style, no plug-in, no framing by anyone, forms
 * sent only here; recorded takes play from {@code blob:} URLs the page makes itself.
 */
final class PageHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; media-src 'self' blob:; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private PageHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
    }
}
