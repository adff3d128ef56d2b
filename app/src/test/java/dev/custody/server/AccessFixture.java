package dev.custody.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.Services;
import dev.custody.access.AccessTokens;
import dev.custody.access.Account;
import dev.custody.access.ClientAddress;
import dev.custody.access.CreatedAccount;
import dev.custody.access.NewAccount;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Totp;
import dev.custody.access.Username;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.app.PaperConsents;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.testkit.MutableClock;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An embedded installation on a clock the test moves, served over HTTP, with two client
 * organizations (A and B), a project in each, and a clip in A's project, recorded by a contributor
 * who signed up.
 */
final class AccessFixture implements AutoCloseable {
    static final String PASSWORD = "violet kettle under the stairs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal ADMIN = Principal.bootstrapAdmin();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final EmbeddedInstallation installation;
    final Services services;
    final ApiServer server;
    final String bootstrapToken;
    final OrganizationId orgA;
    final OrganizationId orgB;
    final Project projectA;
    final Project projectB;
    final String clipA;
    /** The contributor account whose recording clip A is. */
    final Account clipOwner;

    private final HttpClient http = HttpClient.newHttpClient();
    private int accounts;

    AccessFixture(Path folder) {
        this(folder, Map.of());
    }

    /** With more environment (egress budgets, say) than the passphrase. */
    AccessFixture(Path folder, Map<String, String> env) {
        var environment = new java.util.HashMap<>(env);
        environment.put("CUSTODY_PASSPHRASE", "correct horse battery staple, but longer");
        installation = EmbeddedInstallation.open(folder, environment, TestArgon2.parameters(), clock);
        services = installation.custody().services();
        bootstrapToken = installation.bootstrapToken().orElseThrow();
        orgA = services.projects().createOrganization(ADMIN, "Acme").id();
        orgB = services.projects().createOrganization(ADMIN, "Globex").id();
        projectA = project(orgA);
        projectB = project(orgB);
        var contributor = services.signUp()
                .signUp(
                        new Username("dana"),
                        PASSWORD,
                        new Identity("Dana", "dana@example.org"),
                        new ClientAddress("192.0.2.1"));
        clipOwner = contributor.account();
        PaperConsents.record(services, contributor.pseudonym(), projectA.id());
        byte[] wav = speech(7);
        clipA = services.ingest()
                .ingest(
                        ADMIN,
                        new IngestRequest(projectA.id(), contributor.pseudonym(), 0),
                        new ByteArrayInputStream(wav))
                .clip()
                .id()
                .value();
        server = ApiServer.start("127.0.0.1", 0, services);
    }

    /** Two seconds of synthetic speech as a 16 kHz WAV file, different for each seed. */
    static byte[] speech(long seed) {
        return WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, seed), 16_000, 1, SampleEncoding.PCM_16);
    }

    private Project project(OrganizationId org) {
        return services.projects()
                .createProject(
                        ADMIN,
                        org,
                        ProjectPlans.readAloud("Read-aloud", List.of("Hello there."), 1, Duration.ofDays(30)));
    }

    /** A new account of {@code role}, in {@code org} for a client role. */
    CreatedAccount account(Role role, Optional<OrganizationId> org) {
        var username = new Username("user-" + role.name().toLowerCase().replace('_', '-') + "-" + (++accounts));
        if (role == Role.CONTRIBUTOR) {
            var signedUp = services.signUp()
                    .signUp(
                            username,
                            PASSWORD,
                            new Identity("Casey", "casey@example.org"),
                            // Addresses of their own, not the tests' 127.0.0.1: a test may make more
                            // contributors than one address may sign up.
                            new ClientAddress("fd00::" + Integer.toHexString(accounts)));
            return new CreatedAccount(signedUp.account(), Optional.empty());
        }
        return services.accounts().create(ADMIN, new NewAccount(username, PASSWORD, role, org));
    }

    /** A fresh API token of the account, for one request. */
    String apiToken(Account account) {
        return services.tokens()
                .issueApiToken(account.principal(Principal.newRequestId()), Duration.ofDays(1))
                .secret();
    }

    /** The TOTP code of an enrolment URI at the fixture's time, {@code steps} steps ahead. */
    String totp(CreatedAccount account, int steps) {
        return totp(account.totpEnrolment().orElseThrow(), steps);
    }

    /** The TOTP code of an {@code otpauth://} enrolment URI at the fixture's time. */
    String totp(String uri, int steps) {
        String secret = uri.substring(uri.indexOf("secret=") + 7, uri.indexOf('&'));
        return Totp.code(base32(secret), Totp.step(clock.instant()) + steps);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a binary body (null for none), answered in bytes: uploads and archives. */
    HttpResponse<byte[]> sendBytes(String method, String path, String token, byte[] body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in; returns the response. */
    HttpResponse<String> signIn(String username, String password, String totp)
            throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("username", username).put("password", password);
        if (totp != null) {
            body.put("totp", totp);
        }
        return send("POST", "/api/v1/sessions", null, body.toString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    long ledgerSize() {
        return services.ledger().status().size();
    }

    /** The ledger entries appended since it had {@code size} entries. */
    List<LedgerEntry> ledgerSince(long size) {
        return services.ledger().entries(ADMIN, size, Long.MAX_VALUE);
    }

    /** A browser on the fixture's server, connecting from {@code address} (a loopback address). */
    Browser browser(String address) {
        return new Browser(server.port(), SessionCookie.NAME, address, "http://127.0.0.1:" + server.port());
    }

    /** A browser on the fixture's server, connecting from 127.0.0.1. */
    Browser browser() {
        return browser("127.0.0.1");
    }

    /** Another server on the same installation, reached as {@code web} says; the test closes it. */
    ApiServer serve(WebSettings web) {
        return ApiServer.start("127.0.0.1", 0, services, web);
    }

    static Duration sessionIdle() {
        return AccessTokens.SESSION_IDLE;
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
        installation.close();
    }
}
