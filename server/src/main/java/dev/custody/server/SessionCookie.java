package dev.custody.server;

import io.javalin.http.Context;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;

/**
 * The browser's session cookie: the web-session secret, {@code HttpOnly} (no script reads it),
 * {@code SameSite=Strict} (no other site's page sends it), {@code Path=/}, and {@code Secure} behind
 * TLS, where it is also named {@code __Host-custody-session} so that the browser refuses one set by
 * another host or over plain HTTP. It has no {@code Max-Age}: it ends with the browser, and the
 * server ends the session itself (idle and absolute time-outs).
 */
final class SessionCookie {
    static final String NAME = "custody-session";
    static final String SECURE_NAME = "__Host-" + NAME;

    private SessionCookie() {}

    static String name(boolean secure) {
        return secure ? SECURE_NAME : NAME;
    }

    /** Every value of the session cookie the request carries: normally one, more only if planted. */
    static List<String> presented(Context ctx, boolean secure) {
        Cookie[] cookies = ctx.req().getCookies();
        if (cookies == null) {
            return List.of();
        }
        String name = name(secure);
        return Arrays.stream(cookies)
                .filter(cookie -> cookie.getName().equals(name))
                .map(Cookie::getValue)
                .toList();
    }

    static void set(Context ctx, String secret, boolean secure) {
        ctx.addHeader("Set-Cookie", name(secure) + "=" + secret + attributes(secure));
    }

    /** Tells the browser to drop the cookie. */
    static void clear(Context ctx, boolean secure) {
        ctx.addHeader("Set-Cookie", name(secure) + "=" + attributes(secure) + "; Max-Age=0");
    }

    private static String attributes(boolean secure) {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
