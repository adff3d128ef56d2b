package dev.custody.server;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.ClientAddress;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the server needs to know about how browsers and clients reach it, which it cannot see for
 * itself behind a reverse proxy.
 *
 * @param publicUrl the URL browsers use ({@code serve --public-url}). With {@code https} the session
 *     cookie is {@code Secure} (and named with the {@code __Host-} prefix); its origin is the only
 *     one accepted on browser requests that change something. Without it, the cookie is {@code
 *     Secure} only on a request that itself arrived over TLS, and the expected origin is the
 *     request's own scheme and {@code Host}.
 * @param clientAddressHeader a header that a trusted proxy sets to the client's address ({@code serve
 *     --client-address-header}, for example {@code X-Real-IP}); without it, the connection's peer
 *     address. It decides which sign-in failures and sign-ups count together. Once it is set, a
 *     request that needs the address and lacks the header is refused.
 */
public record WebSettings(Optional<URI> publicUrl, Optional<String> clientAddressHeader) {
    public WebSettings {
        requireNonNull(publicUrl, "publicUrl is null");
        requireNonNull(clientAddressHeader, "clientAddressHeader is null");
        publicUrl.ifPresent(WebSettings::requireOrigin);
        if (clientAddressHeader.isPresent() && !clientAddressHeader.get().matches("[A-Za-z0-9-]{1,64}")) {
            throw CustodyException.invalidInput("the client address header must be a header name");
        }
    }

    /** No proxy: plain HTTP unless a request arrives over TLS, client addresses from the connection. */
    public static WebSettings direct() {
        return new WebSettings(Optional.empty(), Optional.empty());
    }

    boolean secureCookies(Context ctx) {
        return publicUrl.map(url -> url.getScheme().equals("https")).orElse(false)
                || "https".equalsIgnoreCase(ctx.req().getScheme());
    }

    /** The origin ({@code scheme://host[:port]}) a browser on this site sends. */
    String expectedOrigin(Context ctx) {
        // The request's own scheme and Host header, never a forwarded one a client could set.
        return publicUrl.map(WebSettings::origin).orElseGet(() -> ctx.req().getScheme() + "://" + ctx.header("Host"));
    }

    /**
     * The client's address. With a proxy header configured, a request without it did not come
     * through the proxy (or the proxy is misconfigured): it is refused rather than counted under
     * the proxy's own address, where every client's sign-in failures would add up together.
     */
    ClientAddress clientAddress(Context ctx) {
        if (clientAddressHeader.isEmpty()) {
            return new ClientAddress(ctx.req().getRemoteAddr());
        }
        String forwarded = ctx.header(clientAddressHeader.get());
        if (forwarded == null || forwarded.isBlank()) {
            throw CustodyException.invalidInput(
                    "the request has no " + clientAddressHeader.get() + " header from the proxy in front");
        }
        return new ClientAddress(forwarded.strip());
    }

    private static String origin(URI url) {
        String origin = url.getScheme() + "://" + url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() == -1 ? origin : origin + ":" + url.getPort();
    }

    private static void requireOrigin(URI url) {
        boolean web = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        if (!web || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
            throw CustodyException.invalidInput(
                    "the public URL must be http:// or https:// and a host, such as https://custody.example.org");
        }
    }
}
