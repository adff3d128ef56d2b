package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser as the server sees it: one session cookie that the test holds (and may plant), form
 * posts, and the fetch metadata a browser sends with a same-origin request. It connects from a
 * loopback address of the test's choice, so that tests can be two clients on one machine.
 */
final class Browser {
    private final HttpClient http;
    private final int port;
    private final String cookieName;
    private final String origin;
    /** The session cookie this browser holds and sends, if any. */
    Optional<String> cookie = Optional.empty();
    /** The CSRF token the last sign-in answered with. */
    Optional<String> csrfToken = Optional.empty();

    /** A browser on the page {@code origin}, at {@code port}, connecting from {@code fromAddress}. */
    Browser(int port, String cookieName, String fromAddress, String origin) {
        try {
            this.http = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(fromAddress))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.port = port;
        this.cookieName = cookieName;
        this.origin = origin;
    }

    /** Posts the sign-in form; on success keeps the cookie it sets and the CSRF token it answers with. */
    HttpResponse<String> signIn(String username, String password, String totp) throws Exception {
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (totp == null ? "" : "&totp=" + encode(totp));
        var response = send(form(request("POST", "/web/sessions"), form));
        if (response.statusCode() == 201) {
            String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = Optional.of(setCookie.substring(cookieName.length() + 1, setCookie.indexOf(';')));
            csrfToken =
                    Optional.of(AccessFixture.json(response).get("csrfToken").asText());
        }
        return response;
    }

    /** Signs in, which must succeed. */
    void signedIn(String username, String password) throws Exception {
        assertThat(signIn(username, password, null).statusCode()).isEqualTo(201);
    }

    /** A same-origin request, carrying the cookie if the browser holds one, and no CSRF token. */
    HttpRequest.Builder request(String method, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Sec-Fetch-Site", "same-origin");
        if (!method.equals("GET")) {
            request.header("Origin", origin);
        }
        cookie.ifPresent(value -> request.header("Cookie", cookieName + "=" + value));
        return request;
    }

    /** The same request with the CSRF token in its header. */
    HttpRequest.Builder withCsrf(String method, String path) {
        return request(method, path).header("X-CSRF-Token", csrfToken.orElseThrow());
    }

    static HttpRequest.Builder json(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/json")
                .method(request.build().method(), HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpRequest.Builder form(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/x-www-form-urlencoded")
                .method(request.build().method(), HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
