package dev.custody.server;

import static dev.custody.server.AccessFixture.PASSWORD;
import static dev.custody.server.AccessFixture.json;
import static dev.custody.server.SignInIT.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.AccessToken;
import dev.custody.access.AccessTokens;
import dev.custody.access.CreatedAccount;
import dev.custody.access.CsrfToken;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser sessions in cookies over HTTP: the cookie, CSRF, rotation, sign-out, and their abuse. */
class WebSessionsIT {
    private static final String COOKIE_ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Strict";
    private static final String TOKENS = "/api/v1/tokens";

    @TempDir
    Path temp;

    AccessFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AccessFixture(temp.resolve("data"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void signingIn_setsTheSessionInAnHttpOnlyStrictCookie_andAnswersWithTheCsrfTokenOnly() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();

        var response = browser.signIn(username(auditor), PASSWORD, null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .matches("custody-session=csw_[A-Za-z0-9_-]{43}" + COOKIE_ATTRIBUTES);
        String secret = browser.cookie.orElseThrow();
        assertThat(response.body()).doesNotContain(secret).doesNotContain(secret.substring(4));
        assertThat(json(response).get("csrfToken").asText()).isEqualTo(CsrfToken.of(secret));
        assertThat(json(response).get("account").asText())
                .isEqualTo(auditor.account().id().value());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        var current = browser.send(browser.request("GET", WebSessionRoutes.CURRENT));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).get("csrfToken").asText()).isEqualTo(CsrfToken.of(secret));
        assertThat(browser.send(browser.request("GET", "/api/v1/keys")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void behindTls_theCookieIsSecure_hostPrefixed_andOnlyThePublicOriginMaySignIn() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var web = new WebSettings(Optional.of(URI.create("https://custody.example.org")), Optional.empty());
        try (var behindTls = fixture.serve(web)) {
            var browser = new Browser(
                    behindTls.port(), SessionCookie.SECURE_NAME, "127.0.0.1", "https://custody.example.org");
            var elsewhere = new Browser(
                    behindTls.port(), SessionCookie.SECURE_NAME, "127.0.0.1", "http://127.0.0.1:" + behindTls.port());
            var plainName =
                    new Browser(behindTls.port(), SessionCookie.NAME, "127.0.0.1", "https://custody.example.org");

            var response = browser.signIn(username(auditor), PASSWORD, null);
            plainName.cookie = browser.cookie;

            assertThat(response.headers().allValues("Set-Cookie"))
                    .singleElement()
                    .asString()
                    .matches("__Host-custody-session=csw_[A-Za-z0-9_-]{43}" + COOKIE_ATTRIBUTES + "; Secure");
            assertThat(browser.send(browser.request("GET", WebSessionRoutes.CURRENT))
                            .statusCode())
                    .isEqualTo(200);
            assertUnauthenticated(plainName.send(plainName.request("GET", WebSessionRoutes.CURRENT)));
            assertCsrfRejected(elsewhere.signIn(username(auditor), PASSWORD, null));
        }
    }

    @Test
    void aCookieRequestThatChangesSomething_withoutItsCsrfToken_isRefused_changesNothing_andIsLogged()
            throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);
        var other = fixture.browser();
        other.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);
        long before = fixture.ledgerSize();

        List<HttpRequest.Builder> forged = List.of(
                Browser.json(browser.request("POST", TOKENS), "{\"lifetimeDays\":1}"),
                Browser.json(
                        browser.request("POST", TOKENS).header("X-CSRF-Token", "A".repeat(43)), "{\"lifetimeDays\":1}"),
                Browser.json(
                        browser.request("POST", TOKENS).header("X-CSRF-Token", other.csrfToken.orElseThrow()),
                        "{\"lifetimeDays\":1}"),
                Browser.form(browser.request("POST", TOKENS), "_csrf=" + other.csrfToken.orElseThrow()),
                browser.request("DELETE", WebSessionRoutes.CURRENT));
        for (var request : forged) {
            assertCsrfRejected(browser.send(request));
        }

        assertThat(fixture.ledgerSince(before))
                .hasSize(forged.size())
                .allSatisfy(entry -> assertThat(entry.purpose()).isEqualTo("csrf"))
                .anySatisfy(entry -> assertThat(entry.records(denied(auditor, "POST:" + TOKENS)))
                        .isTrue())
                .anySatisfy(entry -> assertThat(entry.records(denied(auditor, "DELETE:" + WebSessionRoutes.CURRENT)))
                        .isTrue());
        assertThat(tokensOf(auditor))
                .singleElement()
                .satisfies(token -> assertThat(token.revokedAt()).isEmpty());
        assertThat(browser.send(browser.request("GET", WebSessionRoutes.CURRENT))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void withItsCsrfToken_inTheHeaderOrAFormField_aCookieRequestChangesThings() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);

        var issued = browser.send(Browser.json(browser.withCsrf("POST", TOKENS), "{\"lifetimeDays\":1}"));
        var checkpoint = browser.send(Browser.form(
                browser.request("POST", "/api/v1/ledger/checkpoint"), "_csrf=" + browser.csrfToken.orElseThrow()));

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(checkpoint.statusCode()).isEqualTo(200);
        assertThat(tokensOf(auditor)).hasSize(2);
    }

    @Test
    void aCookieRequestFromAnotherSite_isRefused_evenWithTheCsrfToken_andIsLogged() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);
        long before = fixture.ledgerSize();

        List<HttpRequest.Builder> crossSite = List.of(
                browser.withCsrf("POST", TOKENS).setHeader("Sec-Fetch-Site", "cross-site"),
                browser.withCsrf("POST", TOKENS).setHeader("Sec-Fetch-Site", "same-site"),
                browser.withCsrf("POST", TOKENS).setHeader("Origin", "https://evil.example"),
                browser.withCsrf("POST", TOKENS).setHeader("Origin", "null"));
        for (var request : crossSite) {
            assertCsrfRejected(browser.send(Browser.json(request, "{\"lifetimeDays\":1}")));
        }

        assertThat(fixture.ledgerSince(before))
                .hasSize(crossSite.size())
                .allSatisfy(entry -> assertThat(entry.records(denied(auditor, "POST:" + TOKENS)))
                        .isTrue());
        assertThat(tokensOf(auditor)).hasSize(1);
    }

    @Test
    void readingWithTheCookie_needsNoCsrfToken() throws Exception {
        var browser = fixture.browser();
        browser.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);

        assertThat(browser.send(browser.request("GET", TOKENS)).statusCode()).isEqualTo(200);
        assertThat(browser.send(browser.request("GET", "/api/v1/ledger/checkpoint"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void signingOut_revokesTheSession_andClearsTheCookie() throws Exception {
        var browser = fixture.browser();
        browser.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);

        var signedOut = browser.send(browser.withCsrf("DELETE", WebSessionRoutes.CURRENT));

        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(signedOut.headers().allValues("Set-Cookie"))
                .containsExactly("custody-session=" + COOKIE_ATTRIBUTES + "; Max-Age=0");
        assertUnauthenticated(browser.send(browser.request("GET", WebSessionRoutes.CURRENT)));
    }

    @Test
    void sessionFixation_aCookiePlantedBeforeSignIn_isNeverValidAfterIt() throws Exception {
        var victim = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        String forged = "csw_" + "F".repeat(43);
        browser.cookie = Optional.of(forged);

        browser.signedIn(username(victim), PASSWORD);

        assertThat(browser.cookie).isPresent().isNotEqualTo(Optional.of(forged));
        assertThat(accountOf(browser)).isEqualTo(victim.account().id().value());
        browser.cookie = Optional.of(forged);
        assertUnauthenticated(browser.send(browser.request("GET", WebSessionRoutes.CURRENT)));
    }

    @Test
    void sessionFixation_anAttackersOwnSessionPlantedInTheBrowser_isRevokedWhenTheVictimSignsIn() throws Exception {
        var attacker = fixture.account(Role.AUDITOR, Optional.empty());
        var victim = fixture.account(Role.AUDITOR, Optional.empty());
        var attackersBrowser = fixture.browser();
        attackersBrowser.signedIn(username(attacker), PASSWORD);
        var victimsBrowser = fixture.browser();
        victimsBrowser.cookie = attackersBrowser.cookie;
        long before = fixture.ledgerSize();

        victimsBrowser.signedIn(username(victim), PASSWORD);

        assertThat(victimsBrowser.cookie).isNotEqualTo(attackersBrowser.cookie);
        assertThat(accountOf(victimsBrowser)).isEqualTo(victim.account().id().value());
        assertUnauthenticated(attackersBrowser.send(attackersBrowser.request("GET", WebSessionRoutes.CURRENT)));
        assertThat(fixture.ledgerSince(before))
                .anySatisfy(entry -> assertThat(entry.purpose()).isEqualTo("session-rotation"));
    }

    @Test
    void aWebSession_endsWhenIdle_andAtItsAbsoluteLifetime_andItsLaterUseIsLogged() throws Exception {
        var idle = fixture.browser();
        idle.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);
        var active = fixture.browser();
        active.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);

        for (int i = 0; i < AccessTokens.SESSION_LIFETIME.toMinutes() / 20; i++) {
            assertThat(active.send(active.request("GET", WebSessionRoutes.CURRENT))
                            .statusCode())
                    .isEqualTo(200);
            fixture.clock.advance(Duration.ofMinutes(20));
        }
        long before = fixture.ledgerSize();

        assertUnauthenticated(active.send(active.request("GET", WebSessionRoutes.CURRENT)));
        assertUnauthenticated(idle.send(idle.request("GET", WebSessionRoutes.CURRENT)));
        assertThat(fixture.ledgerSince(before))
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.purpose()).isEqualTo("authentication"));
    }

    @Test
    void aCookieAndABearerToken_ofDifferentAccounts_areRefused() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);
        String othersToken =
                fixture.apiToken(fixture.account(Role.AUDITOR, Optional.empty()).account());

        var mixed =
                browser.send(browser.request("GET", "/api/v1/keys").header("Authorization", "Bearer " + othersToken));

        assertUnauthenticated(mixed);
    }

    @Test
    void aCookieWithTheBearerTokenOfTheSameAccount_isABearerRequest_needingNoCsrfToken() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);
        String ownToken = fixture.apiToken(auditor.account());

        var issued = browser.send(Browser.json(
                browser.request("POST", TOKENS).header("Authorization", "Bearer " + ownToken), "{\"lifetimeDays\":1}"));

        assertThat(issued.statusCode()).isEqualTo(201);
    }

    @Test
    void aSessionCookieIsNoBearerToken_andABearerSessionIsNoCookie() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        browser.signedIn(username(auditor), PASSWORD);
        String bearerSession = json(fixture.signIn(username(auditor), PASSWORD, null))
                .get("token")
                .asText();

        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", browser.cookie.orElseThrow(), null));
        browser.cookie = Optional.of(bearerSession);
        assertUnauthenticated(browser.send(browser.request("GET", "/api/v1/keys")));
    }

    @Test
    void twoSessionCookies_areRefused() throws Exception {
        var browser = fixture.browser();
        browser.signedIn(username(fixture.account(Role.AUDITOR, Optional.empty())), PASSWORD);
        String cookie = browser.cookie.orElseThrow();

        var twice = browser.send(browser.request("GET", "/api/v1/keys")
                .setHeader("Cookie", "custody-session=csw_planted; custody-session=" + cookie));

        assertUnauthenticated(twice);
    }

    @Test
    void aSignInFormFromAnotherSite_isRefused_beforeTheCredentialsAreLookedAt() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();
        String form = "username=" + username(auditor) + "&password=" + Browser.encode(PASSWORD);

        for (int i = 0; i < 10; i++) {
            var crossSite =
                    browser.send(Browser.form(browser.request("POST", WebSessionRoutes.SESSIONS), form + "wrong")
                            .setHeader("Origin", "https://evil.example"));
            assertCsrfRejected(crossSite);
            assertThat(crossSite.headers().allValues("Set-Cookie")).isEmpty();
        }

        // Not one of them counted as a failure: the account is not locked.
        browser.signedIn(username(auditor), PASSWORD);
    }

    @Test
    void badOrFailedSignInForms_setNoCookie() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        var browser = fixture.browser();

        var asJson = browser.send(Browser.json(
                browser.request("POST", WebSessionRoutes.SESSIONS),
                "{\"username\":\"" + username(auditor) + "\",\"password\":\"" + PASSWORD + "\"}"));
        var noPassword = browser.send(
                Browser.form(browser.request("POST", WebSessionRoutes.SESSIONS), "username=" + username(auditor)));
        var wrong = browser.signIn(username(auditor), "not the password at all", null);

        assertThat(asJson.statusCode()).isEqualTo(422);
        assertThat(noPassword.statusCode()).isEqualTo(422);
        assertUnauthenticated(wrong);
        for (var response : List.of(asJson, noPassword, wrong)) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    private String accountOf(Browser browser) throws Exception {
        var current = browser.send(browser.request("GET", WebSessionRoutes.CURRENT));
        assertThat(current.statusCode()).isEqualTo(200);
        return json(current).get("account").asText();
    }

    private List<AccessToken> tokensOf(CreatedAccount account) {
        return fixture.services.tokens().list(account.account().principal(Principal.newRequestId()));
    }

    private static PermissionChanged denied(CreatedAccount account, String route) {
        return new PermissionChanged(account.account().id().value(), ActorRole.AUDITOR, PermissionChange.DENIED, route);
    }

    private static String username(CreatedAccount account) {
        return account.account().username().value();
    }

    static void assertCsrfRejected(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("code").asText()).isEqualTo("CSRF_REJECTED");
    }
}
