package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' scripts and style sheet, read from the class path once at start. Only the files named
 * here are served, each with its own type: no path from a request ever reaches the class path. A
 * file missing from the build stops the server at start.
 */
final class StaticFiles {
    static final String ROUTE = "/static/{file}";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("site.css", "text/css; charset=utf-8"),
            Map.entry("common.js", JS),
            Map.entry("signin.js", JS),
            Map.entry("signup.js", JS),
            Map.entry("contributor.js", JS),
            Map.entry("consent.js", JS),
            Map.entry("record.js", JS),
            Map.entry("recorder-worklet.js", JS),
            Map.entry("wav.js", JS),
            Map.entry("clips.js", JS),
            Map.entry("account.js", JS),
            Map.entry("desk.js", JS),
            Map.entry("client.js", JS),
            Map.entry("security.js", JS),
            Map.entry("page.js", JS));
    private final Map<String, byte[]> files = load();

    void serve(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new CustodyException(ErrorCode.NOT_FOUND, "no such file");
        }
        PageHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(name)).result(bytes);
    }

    private static Map<String, byte[]> load() {
        var files = new java.util.HashMap<String, byte[]>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = StaticFiles.class.getResourceAsStream("/web/static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing static file " + name);
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(files);
    }
}
