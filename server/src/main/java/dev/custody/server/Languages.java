package dev.custody.server;

import dev.custody.server.pages.Messages;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * The language of a page: the one chosen with the switch on every page ({@code ?lang=es}, kept in
 * a cookie for the pages after), else the best of the browser's {@code Accept-Language}, else
 * English. Only shipped languages are ever chosen: anything else a request says is ignored.
 */
final class Languages {
    static final String COOKIE = "custody-lang";

    private Languages() {}

    static Messages of(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if (chosen != null && Messages.LANGUAGES.contains(chosen)) {
            // Not a secret and read by no script; Lax so that a link from elsewhere keeps the language.
            ctx.addHeader("Set-Cookie", COOKIE + "=" + chosen + "; Path=/; SameSite=Lax");
            return Messages.of(chosen);
        }
        String kept = ctx.cookie(COOKIE);
        if (kept != null && Messages.LANGUAGES.contains(kept)) {
            return Messages.of(kept);
        }
        return Messages.of(fromHeader(ctx.header("Accept-Language")));
    }

    private static String fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Messages.LANGUAGES.getFirst();
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(header), Messages.LANGUAGES);
            return match == null ? Messages.LANGUAGES.getFirst() : match;
        } catch (IllegalArgumentException e) {
            // A malformed header is the browser's problem, not the reader's: the default language.
            return Messages.LANGUAGES.getFirst();
        }
    }
}
