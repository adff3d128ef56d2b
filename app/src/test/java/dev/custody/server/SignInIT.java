package dev.custody.server;

import static dev.custody.server.AccessFixture.PASSWORD;
import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.AccessToken;
import dev.custody.access.AccessTokens;
import dev.custody.access.ClientAddress;
import dev.custody.access.CreatedAccount;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.SignIn;
import dev.custody.access.SignInThrottle;
import dev.custody.keys.KeyPurpose;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.PrincipalSuspended;
import dev.custody.ledger.SuspensionCause;
import java.net.URI;
import java.net.http.HttpClient;
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

/** Sign-in, sessions and TOTP over HTTP, and the ways they are abused. */
class SignInIT {
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
    void signIn_withThePassword_issuesASessionTokenThatAuthenticates() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());

        var response = signIn(auditor, PASSWORD, null);

        assertThat(response.statusCode()).isEqualTo(201);
        String token = json(response).get("token").asText();
        assertThat(token).startsWith("css_").hasSizeGreaterThan(40);
        assertThat(fixture.send("GET", "/api/v1/keys", token, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void totpRoles_cannotSignInWithoutAValidCode() throws Exception {
        for (Role role : List.of(Role.REVIEWER, Role.SECURITY_OFFICER, Role.OPERATOR)) {
            var account = fixture.account(role, Optional.empty());
            String wrong = fixture.totp(account, 0).equals("000000") ? "111111" : "000000";

            assertUnauthenticated(signIn(account, PASSWORD, null));
            assertUnauthenticated(signIn(account, PASSWORD, wrong));
            assertUnauthenticated(signIn(account, PASSWORD, fixture.totp(account, -2)));
            assertThat(signIn(account, PASSWORD, fixture.totp(account, 0)).statusCode())
                    .isEqualTo(201);
        }
        var clientAdmin = fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA));
        assertUnauthenticated(signIn(clientAdmin, PASSWORD, null));
        assertThat(signIn(clientAdmin, PASSWORD, fixture.totp(clientAdmin, 0)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aUsedTotpCode_cannotBeReplayed() throws Exception {
        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty());
        String code = fixture.totp(officer, 0);
        assertThat(signIn(officer, PASSWORD, code).statusCode()).isEqualTo(201);

        assertUnauthenticated(signIn(officer, PASSWORD, code));
        assertThat(signIn(officer, PASSWORD, fixture.totp(officer, 1)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void passwordSprayingOneAccount_locksItOut_evenForTheRightPassword_untilTheLockExpires() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        long before = fixture.ledgerSize();
        for (int i = 0; i < SignIn.MAX_FAILURES; i++) {
            assertUnauthenticated(signIn(auditor, "wrong password number " + i, null));
        }

        assertUnauthenticated(signIn(auditor, PASSWORD, null));
        assertUnauthenticated(fixture.browser().signIn(username(auditor), PASSWORD, null));

        assertThat(fixture.ledgerSince(before))
                .singleElement()
                .satisfies(entry -> assertThat(entry.records(
                                new AccountChanged(auditor.account().id().value(), AccountChange.LOCKED_OUT)))
                        .isTrue());
        assertThat(tokensOf(auditor)).isEmpty();
        fixture.clock.advance(SignIn.LOCK_OUT);
        assertThat(signIn(auditor, PASSWORD, null).statusCode()).isEqualTo(201);
    }

    @Test
    void sprayingManyUsernamesFromOneAddress_throttlesThatAddress_sayingNothingOfWhichAccountsExist() throws Exception {
        List<CreatedAccount> real = List.of(
                fixture.account(Role.AUDITOR, Optional.empty()),
                fixture.account(Role.CONTRIBUTOR, Optional.empty()),
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)));
        long before = fixture.ledgerSize();
        // Half the names exist: each real account stays under its own lock-out.
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            String name = i % 2 == 0 ? username(real.get(i / 2 % real.size())) : "nobody-" + i;
            assertUnauthenticated(fixture.signIn(name, "Summer2026!" + i, null));
        }
        var address = new ClientAddress("127.0.0.1");
        assertThat(fixture.ledgerSince(before))
                .singleElement()
                .satisfies(entry -> assertThat(entry.records(
                                new PrincipalSuspended(address.ledgerId(), SuspensionCause.SIGN_IN_FAILURES)))
                        .isTrue());
        long throttled = fixture.ledgerSize();
        int failuresBefore = failedAttempts(real.get(0));

        var existing = signIn(real.get(0), PASSWORD, null);
        var unknown = fixture.signIn("nobody-at-all", PASSWORD, null);
        var browser = fixture.browser().signIn(username(real.get(0)), PASSWORD, null);

        for (var refused : List.of(existing, unknown, browser)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(json(refused).get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.body()).isEqualTo(existing.body());
            assertThat(refused.headers().firstValue("Retry-After"))
                    .contains(Long.toString(SignInThrottle.WINDOW.toSeconds()));
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        // Refusals count nothing, issue nothing and log nothing more than the throttle's start.
        assertThat(fixture.ledgerSize()).isEqualTo(throttled);
        assertThat(failedAttempts(real.get(0))).isEqualTo(failuresBefore);
        assertThat(tokensOf(real.get(0))).isEmpty();
        fixture.browser("127.0.0.2").signedIn(username(real.get(0)), PASSWORD);
        fixture.clock.advance(SignInThrottle.WINDOW);
        assertThat(signIn(real.get(0), PASSWORD, null).statusCode()).isEqualTo(201);
    }

    @Test
    void sprayingAcrossAccounts_throttlesEachAccount() throws Exception {
        List<CreatedAccount> accounts = List.of(
                fixture.account(Role.AUDITOR, Optional.empty()),
                fixture.account(Role.CONTRIBUTOR, Optional.empty()),
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgB)));
        for (int i = 0; i < SignIn.MAX_FAILURES; i++) {
            for (CreatedAccount account : accounts) {
                assertUnauthenticated(signIn(account, "summer holiday 20" + i, null));
            }
        }

        for (CreatedAccount account : accounts) {
            assertUnauthenticated(signIn(account, PASSWORD, null));
        }
    }

    @Test
    void fewerFailuresThanTheLimit_areForgottenAfterASuccess() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SignIn.MAX_FAILURES - 1; i++) {
                assertUnauthenticated(signIn(auditor, "not the password " + i, null));
            }
            assertThat(signIn(auditor, PASSWORD, null).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void unknownUsername_failsExactlyLikeAWrongPassword() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());

        var unknown = fixture.signIn("nobody-here", PASSWORD, null);
        var wrong = signIn(auditor, "not the password at all", null);

        assertUnauthenticated(unknown);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void malformedSignIns_are422_andDoNotCountTowardsTheLockOut() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        String name = auditor.account().username().value();
        List<String> bodies = List.of(
                "{\"username\":\"" + name + "\",\"password\":\"" + "x".repeat(257) + "\"}",
                "{\"username\":\"" + name + "\",\"password\":\"p\",\"totp\":\"12ab56\"}",
                "{\"username\":\"" + "a".repeat(65) + "\",\"password\":\"p\"}",
                "{\"username\":\"Robert'); DROP\",\"password\":\"p\"}",
                "{\"username\":\"" + name + "\",\"password\":\"p\",\"admin\":true}",
                "{\"username\":\"" + name + "\"}",
                "not json");
        for (int i = 0; i < 2; i++) {
            for (String body : bodies) {
                var response = fixture.send("POST", "/api/v1/sessions", null, body);
                assertThat(response.statusCode()).as(body).isEqualTo(422);
                assertThat(json(response).get("code").asText()).isEqualTo("INVALID_INPUT");
            }
        }

        assertThat(signIn(auditor, PASSWORD, null).statusCode()).isEqualTo(201);
    }

    @Test
    void signingOut_revokesTheSessionToken() throws Exception {
        String token = sessionOf(fixture.account(Role.AUDITOR, Optional.empty()));

        assertThat(fixture.send("DELETE", "/api/v1/sessions/current", token, null)
                        .statusCode())
                .isEqualTo(204);

        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
    }

    @Test
    void anIdleSession_expires_andAnActiveOne_endsAtItsAbsoluteLifetime() throws Exception {
        String idle = sessionOf(fixture.account(Role.AUDITOR, Optional.empty()));
        String active = sessionOf(fixture.account(Role.AUDITOR, Optional.empty()));

        fixture.clock.advance(AccessTokens.SESSION_IDLE.plusSeconds(1));
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", idle, null));

        String fresh = sessionOf(fixture.account(Role.AUDITOR, Optional.empty()));
        Duration used = Duration.ZERO;
        while (used.compareTo(AccessTokens.SESSION_LIFETIME) < 0) {
            assertThat(fixture.send("GET", "/api/v1/keys", fresh, null).statusCode())
                    .isEqualTo(200);
            fixture.clock.advance(Duration.ofMinutes(20));
            used = used.plusMinutes(20);
        }
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", fresh, null));
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", active, null));
    }

    @Test
    void aDisabledAccount_losesItsSessions_andCannotSignIn() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        String token = sessionOf(auditor);

        var disabled = fixture.send(
                "POST", "/api/v1/accounts/" + auditor.account().id() + "/disable", fixture.bootstrapToken, null);

        assertThat(disabled.statusCode()).isEqualTo(204);
        assertUnauthenticated(fixture.send("GET", "/api/v1/keys", token, null));
        assertUnauthenticated(signIn(auditor, PASSWORD, null));
    }

    @Test
    void aTotpSecret_followsKeyRotation_andStillWorksOnceRewrapped() throws Exception {
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty());
        var admin = Principal.bootstrapAdmin();
        fixture.services.keys().rotate(admin, KeyPurpose.IDENTITY);

        var progress = fixture.services.keys().rewrap(admin, 1_000);

        assertThat(progress.finished()).isTrue();
        assertThat(progress.rewrapped()).isGreaterThanOrEqualTo(2); // the contributor's identity and the secret
        assertThat(signIn(reviewer, PASSWORD, fixture.totp(reviewer, 0)).statusCode())
                .isEqualTo(201);
    }

    private List<AccessToken> tokensOf(CreatedAccount account) {
        return fixture.services.tokens().list(account.account().principal(Principal.newRequestId()));
    }

    private int failedAttempts(CreatedAccount account) {
        return fixture.installation
                .custody()
                .metadataStore()
                .inReadTransaction(r -> r.accounts().find(account.account().id()))
                .orElseThrow()
                .failedAttempts();
    }

    private static String username(CreatedAccount account) {
        return account.account().username().value();
    }

    private String sessionOf(CreatedAccount account) throws Exception {
        var response = signIn(account, PASSWORD, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("token").asText();
    }

    private HttpResponse<String> signIn(CreatedAccount account, String password, String totp) throws Exception {
        return fixture.signIn(account.account().username().value(), password, totp);
    }

    @Test
    void behindAProxy_failuresCountPerForwardedAddress_andARequestWithoutTheHeaderIsRefused() throws Exception {
        var auditor = fixture.account(Role.AUDITOR, Optional.empty());
        String username = username(auditor);
        try (ApiServer proxied = fixture.serve(new WebSettings(Optional.empty(), Optional.of("X-Real-IP")));
                HttpClient http = HttpClient.newHttpClient()) {
            var unproxied = signInVia(http, proxied, null, username, PASSWORD);
            assertThat(unproxied.statusCode()).isEqualTo(422);
            assertThat(json(unproxied).get("code").asText()).isEqualTo("INVALID_INPUT");
            assertThat(tokensOf(auditor)).isEmpty();

            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                assertUnauthenticated(signInVia(http, proxied, "203.0.113.7", "nobody-" + i, PASSWORD));
            }

            assertThat(signInVia(http, proxied, "203.0.113.7", username, PASSWORD)
                            .statusCode())
                    .isEqualTo(429);
            assertThat(signInVia(http, proxied, "198.51.100.2", username, PASSWORD)
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    private static HttpResponse<String> signInVia(
            HttpClient http, ApiServer server, String forwardedFor, String username, String password) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sessions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Real-IP", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertUnauthenticated(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}
