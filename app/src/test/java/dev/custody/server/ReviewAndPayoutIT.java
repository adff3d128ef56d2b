package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custody.Money;
import dev.custody.access.Account;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.app.PaperConsents;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.project.Commission;
import dev.custody.project.Project;
import dev.custody.review.Review;
import dev.custody.testkit.ProjectPlans;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review and payouts over HTTP, as the roles that do them: an operator assigns two reviewers to a
 * project that needs two acceptances and pays 0.35 EUR a clip; they listen and judge; the operator
 * pays a batch. Then the abuse cases: an unassigned reviewer, a verdict twice or without listening,
 * an erased clip, malformed and oversize verdicts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAndPayoutIT {
    private static final Principal ADMIN = Principal.bootstrapAdmin();

    AccessFixture fixture;
    Project project;
    Pseudonym contributor;
    Account operator;
    Account reviewer;
    Account outsider;
    private long seed = 1;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(temp.resolve("data"));
        project = fixture.services
                .projects()
                .createProject(
                        ADMIN,
                        fixture.orgA,
                        ProjectPlans.readAloud(
                                "Paid",
                                List.of("Hello there."),
                                1,
                                Duration.ofDays(30),
                                new Commission("en", 100, 20, 2, Money.parse("0.35", "EUR"))));
        contributor = consentingContributor("Dana");
        operator = fixture.account(Role.OPERATOR, Optional.empty()).account();
        reviewer = fixture.account(Role.REVIEWER, Optional.empty()).account();
        outsider = fixture.account(Role.REVIEWER, Optional.empty()).account();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void assignListenJudgeAndPay_endToEnd() throws Exception {
        List<String> accepted = List.of(clip(contributor), clip(contributor), clip(contributor));
        String rejected = clip(contributor);
        // Reviewers of this test alone, so that no other test has assigned them.
        Account first = fixture.account(Role.REVIEWER, Optional.empty()).account();
        Account second = fixture.account(Role.REVIEWER, Optional.empty()).account();
        assign(first, 201);
        assign(first, 200);
        assign(second, 201);
        assertThat(json(send("GET", "/api/v1/projects/" + project.id() + "/reviewers", operator, null), 200)
                        .toString())
                .contains(first.id().value(), second.id().value());
        assertThat(json(send("GET", "/api/v1/review/projects", first, null), 200)
                        .toString())
                .isEqualTo("[\"" + project.id() + "\"]");

        JsonNode queue = json(send("GET", "/api/v1/projects/" + project.id() + "/review-queue", first, null), 200);
        List<String> queued = new ArrayList<>();
        queue.forEach(item -> queued.add(item.get("clip").asText()));
        assertThat(queued).containsAll(accepted).contains(rejected);
        assertThat(queue.get(0).get("prompt").asText()).isEqualTo("Hello there.");
        assertThat(queue.get(0).at("/quality/snrDb").isNumber()).isTrue();
        assertThat(queue.get(0).get("durationMillis").asLong()).isEqualTo(2_000);
        assertThat(queue.toString()).doesNotContain(contributor.value()).doesNotContain("contributor");

        for (String clip : accepted) {
            for (Account judge : List.of(first, second)) {
                assertThat(audio(clip, judge).statusCode()).isEqualTo(200);
                verdict(clip, judge, "{\"verdict\":\"accept\"}", 201);
            }
            assertThat(state(clip)).isEqualTo("ACCEPTED");
        }
        audio(rejected, first);
        JsonNode rejection =
                verdict(rejected, first, "{\"verdict\":\"reject\",\"reason\":\"noise\",\"note\":\"hiss\"}", 201);
        assertThat(rejection.get("state").asText()).isEqualTo("REJECTED");

        var clientAdmin =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        JsonNode progress =
                json(send("GET", "/api/v1/projects/" + project.id() + "/review-progress", clientAdmin, null), 200);
        assertThat(progress.get("accepted").asLong()).isEqualTo(3);
        assertThat(progress.get("rejected").asLong()).isEqualTo(1);
        JsonNode counts =
                json(send("GET", "/api/v1/projects/" + project.id() + "/clip-counts", clientAdmin, null), 200);
        for (String series : List.of("byDay", "byPrompt")) {
            long collected = 0;
            long acceptedClips = 0;
            for (JsonNode count : counts.get(series)) {
                collected += count.get("collected").asLong();
                acceptedClips += count.get("accepted").asLong();
            }
            assertThat(acceptedClips).as(series).isEqualTo(3);
            assertThat(collected)
                    .as(series)
                    .isEqualTo(progress.get("pendingReview").asLong() + 3 + 1);
        }
        assertThat(counts.at("/byDay/0/key").asText()).isEqualTo("2026-03-01");
        assertThat(counts.at("/byPrompt/0/key").asText()).isEqualTo("0");
        JsonNode projects =
                json(send("GET", "/api/v1/organizations/" + fixture.orgA + "/projects", clientAdmin, null), 200);
        List<String> ids = new ArrayList<>();
        projects.forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).contains(project.id().value(), fixture.projectA.id().value());

        JsonNode batch = json(send("POST", "/api/v1/payouts/batches", operator, null), 201);
        String id = batch.get("id").asText();
        assertThat(batch.get("totals").toString()).isEqualTo("[{\"currency\":\"EUR\",\"amount\":\"1.05\"}]");
        assertThat(batch.get("credits").asLong()).isEqualTo(3);

        var csv = send("GET", "/api/v1/payouts/batches/" + id + "/csv", operator, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"payout-" + id + ".csv\"");
        assertThat(csv.body())
                .isEqualTo("batch,contributor,currency,amount,clips\r\n" + id + "," + contributor + ",EUR,1.05,3\r\n");

        JsonNode paid = json(send("POST", "/api/v1/payouts/batches/" + id + "/paid", operator, null), 200);
        assertThat(paid.get("state").asText()).isEqualTo("PAID");
        assertThat(send("POST", "/api/v1/payouts/batches/" + id + "/paid", operator, null)
                        .statusCode())
                .isEqualTo(409);
        JsonNode earnings = json(send("GET", "/api/v1/contributors/" + contributor + "/earnings", operator, null), 200);
        assertThat(earnings.get("currencies").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"pending\":\"0.00\",\"pendingClips\":0,\"paid\":\"1.05\","
                        + "\"paidClips\":3}]");
    }

    @Test
    void anUnassignedReviewer_getsForbidden_noAudio_nothingChanged_andTheDenialLogged() throws Exception {
        String clip = clip(contributor);
        String token = fixture.apiToken(outsider);
        long before = fixture.ledgerSize();

        var response = http.send(
                request("GET", "/api/v1/clips/" + clip + "/audio", token, null),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":\"FORBIDDEN\",\"message\":\"not allowed\"}");
        List<LedgerEntry> logged = fixture.services.ledger().entries(ADMIN, before, fixture.ledgerSize());
        assertThat(logged)
                .singleElement()
                .satisfies(entry -> assertThat(entry.records(new PermissionChanged(
                                outsider.id().value(),
                                outsider.role().actorRole(),
                                PermissionChange.DENIED,
                                "GET:/api/v1/clips/{clip}/audio")))
                        .isTrue());
        assertThat(send("GET", "/api/v1/projects/" + project.id() + "/review-queue", outsider, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(verdictStatus(clip, outsider, "{\"verdict\":\"accept\"}")).isEqualTo(403);
        assertThat(send("GET", "/api/v1/projects/" + project.id(), outsider, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(state(clip)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void verdicts_needAListenFirst_andComeOncePerReviewer() throws Exception {
        assign(reviewer, null);
        String clip = clip(contributor);

        assertError(verdictStatusAndBody(clip, reviewer, "{\"verdict\":\"accept\"}"), 409, "CONFLICT");
        audio(clip, reviewer);
        verdict(clip, reviewer, "{\"verdict\":\"accept\"}", 201);
        assertError(verdictStatusAndBody(clip, reviewer, "{\"verdict\":\"accept\"}"), 409, "CONFLICT");
        assertError(
                verdictStatusAndBody(clip, reviewer, "{\"verdict\":\"reject\",\"reason\":\"noise\"}"), 409, "CONFLICT");
        assertThat(state(clip)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void anErasedClip_cannotBeReviewed() throws Exception {
        assign(reviewer, null);
        Pseudonym leaving = consentingContributor("Erin");
        String clip = clip(leaving);
        audio(clip, reviewer);
        fixture.services.erasure().erase(ADMIN, leaving);

        assertError(verdictStatusAndBody(clip, reviewer, "{\"verdict\":\"accept\"}"), 410, "ERASED");
        assertThat(audio(clip, reviewer).statusCode()).isEqualTo(410);
    }

    @Test
    void malformedAndOversizeVerdicts_getAClearError_andStoreNothing() throws Exception {
        assign(reviewer, null);
        String clip = clip(contributor);
        audio(clip, reviewer);
        List<String> malformed = List.of(
                "{\"verdict\":\"maybe\"}",
                "{\"verdict\":\"reject\"}",
                "{\"verdict\":\"reject\",\"reason\":\"bogus\"}",
                "{\"verdict\":\"reject\",\"reason\":\"=HYPERLINK(\\\"x\\\")\"}",
                "{\"verdict\":\"accept\",\"reason\":\"noise\"}",
                "{\"verdict\":\"accept\",\"note\":\"" + "x".repeat(501) + "\"}",
                "{\"verdict\":\"accept\",\"note\":\"line\\nbreak\"}",
                "{\"verdict\":\"accept\",\"score\":5}",
                "{\"verdict\":",
                "");
        List<String> mismatches = new ArrayList<>();
        for (String body : malformed) {
            var response = verdictStatusAndBody(clip, reviewer, body);
            if (response.statusCode() != 422
                    || !AccessFixture.json(response).get("code").asText().equals("INVALID_INPUT")) {
                mismatches.add(body + " -> " + response.statusCode() + " " + response.body());
            }
        }
        var oversize = verdictStatusAndBody(
                clip, reviewer, "{\"verdict\":\"accept\",\"note\":\"" + "x".repeat(1 << 20) + "\"}");

        assertThat(mismatches).isEmpty();
        assertThat(oversize.statusCode()).isEqualTo(413);
        List<Review> stored = fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.reviews().ofClip(new ClipId(clip)));
        assertThat(stored).isEmpty();
    }

    @Test
    void aContributor_readsTheirOwnEarnings_andNoOneElses() throws Exception {
        Account signedUp = fixture.account(Role.CONTRIBUTOR, Optional.empty()).account();
        var me = json(send("GET", "/api/v1/me", signedUp, null), 200);
        Pseudonym self = new Pseudonym(me.get("pseudonym").asText());
        PaperConsents.record(fixture.services, self, project.id());
        String clip = clip(self);
        Account first = fixture.account(Role.REVIEWER, Optional.empty()).account();
        Account second = fixture.account(Role.REVIEWER, Optional.empty()).account();
        assign(first, 201);
        assign(second, 201);
        for (Account judge : List.of(first, second)) {
            audio(clip, judge);
            verdict(clip, judge, "{\"verdict\":\"accept\"}", 201);
        }

        JsonNode earnings = json(send("GET", "/api/v1/me/earnings", signedUp, null), 200);

        assertThat(earnings.get("contributor").asText()).isEqualTo(self.value());
        assertThat(earnings.get("currencies").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"pending\":\"0.35\",\"pendingClips\":1,\"paid\":\"0.00\","
                        + "\"paidClips\":0}]");
        assertThat(send("GET", "/api/v1/contributors/" + contributor + "/earnings", signedUp, null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherOrganizationsClientAdmin_cannotReadReviewProgress() throws Exception {
        var foreign =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();

        assertThat(send("GET", "/api/v1/projects/" + project.id() + "/review-progress", foreign, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/projects/" + project.id() + "/clip-counts", foreign, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/organizations/" + fixture.orgA + "/projects", foreign, null)
                        .statusCode())
                .isEqualTo(403);
    }

    private Pseudonym consentingContributor(String name) {
        var pseudonym = fixture.services
                .contributors()
                .register(ADMIN, new Identity(name, name.toLowerCase() + "@example.org"))
                .pseudonym();
        PaperConsents.record(fixture.services, pseudonym, project.id());
        return pseudonym;
    }

    private String clip(Pseudonym speaker) {
        byte[] wav = WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, seed++), 16_000, 1, SampleEncoding.PCM_16);
        return fixture.services
                .ingest()
                .ingest(ADMIN, new IngestRequest(project.id(), speaker, 0), new ByteArrayInputStream(wav))
                .clip()
                .id()
                .value();
    }

    /** Assigns the reviewer as the operator; {@code expected} status, or either when null. */
    private void assign(Account reviewer, Integer expected) throws Exception {
        var response = send(
                "POST",
                "/api/v1/projects/" + project.id() + "/reviewers",
                operator,
                "{\"account\":\"" + reviewer.id() + "\"}");
        if (expected == null) {
            assertThat(response.statusCode()).isIn(200, 201);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        }
    }

    private HttpResponse<byte[]> audio(String clip, Account reviewer) throws Exception {
        return http.send(
                request("GET", "/api/v1/clips/" + clip + "/audio", fixture.apiToken(reviewer), null),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode verdict(String clip, Account reviewer, String body, int expected) throws Exception {
        return json(verdictStatusAndBody(clip, reviewer, body), expected);
    }

    private int verdictStatus(String clip, Account reviewer, String body) throws Exception {
        return verdictStatusAndBody(clip, reviewer, body).statusCode();
    }

    private HttpResponse<String> verdictStatusAndBody(String clip, Account reviewer, String body) throws Exception {
        return send("POST", "/api/v1/clips/" + clip + "/reviews", reviewer, body);
    }

    private String state(String clip) {
        return fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().find(new ClipId(clip)))
                .orElseThrow()
                .state()
                .name();
    }

    private HttpResponse<String> send(String method, String path, Account caller, String body) throws Exception {
        return fixture.send(method, path, fixture.apiToken(caller), body);
    }

    private HttpRequest request(String method, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private static JsonNode json(HttpResponse<String> response, int expected) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return AccessFixture.json(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(AccessFixture.json(response).get("code").asText()).isEqualTo(code);
    }
}
