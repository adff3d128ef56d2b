package dev.custody.server;

import io.javalin.http.Context;

/**
 * Defense in depth beside the CSRF token and the SameSite cookie: a browser request that changes
 * something must come from this site. Browsers say where a request comes from in {@code
 * Sec-Fetch-Site} (fetch metadata) and in {@code Origin}; a request whose browser says another
 * site, or names another origin, is refused. A request without these headers (an older browser, a
 * machine) passes this check and still needs the CSRF token.
 */
final class BrowserOrigin {
    private BrowserOrigin() {}

    static boolean fromThisSite(Context ctx, WebSettings web) {
        String site = ctx.header("Sec-Fetch-Site");
        // "none": the person did it (typed address, bookmark); "same-site" is a sibling host: refused.
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        return origin == null || origin.equals(web.expectedOrigin(ctx));
    }
}
