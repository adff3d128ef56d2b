package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.custody.access.Account;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.NewGrant;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Purpose;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canaries and suspensions: a decoy clip no legitimate workflow offers; whoever opens it is suspended
 * at once (tokens revoked, ledgered, a webhook called, listed for the security officer), and only a
 * security officer lifts it. A rate far above the principal's own history suspends it too.
 */
class CanaryAndSuspensionIT {
    private static final long CLIP_BYTES = 64_044;

    HttpServer webhook;
    List<String> alerts = new CopyOnWriteArrayList<>();
    AccessFixture fixture;
    ClipId canary;

    @BeforeEach
    void start(@TempDir Path temp) throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alert", exchange -> {
            alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        fixture = new AccessFixture(
                temp.resolve("data"),
                Map.of(
                        "CUSTODY_ALERT_WEBHOOK_URL",
                        "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alert",
                        "CUSTODY_EGRESS_ANOMALY_FACTOR",
                        "2"));
        canary = fixture.services.canaries().seed(fixture.projectA.id());
    }

    @AfterEach
    void stop() {
        fixture.close();
        webhook.stop(0);
    }

    @Test
    void aCanary_isInNoReviewQueueAndNoGrant() throws Exception {
        var reviewer = assignedReviewer();
        fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().decide(new ClipId(fixture.clipA), ClipState.ACCEPTED));
        var admin =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        var consumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        var grant = fixture.services
                .grants()
                .create(
                        admin.principal(Principal.newRequestId()),
                        fixture.orgA,
                        new NewGrant(
                                fixture.projectA.id(),
                                consumer.id(),
                                Set.of(Purpose.ASR_TRAINING),
                                fixture.clock.instant().plus(Duration.ofDays(30)),
                                new GrantBudget(1_000_000, 1_000_000, 1_000_000, 10, 10, 10),
                                new BuyerCommitments(7, true, true, true)));

        var queue = fixture.send(
                "GET",
                "/api/v1/projects/" + fixture.projectA.id() + "/review-queue?limit=100",
                fixture.apiToken(reviewer),
                null);
        var contents = fixture.services.grants().contents(consumer.principal(Principal.newRequestId()), grant.id());

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(canary.value());
        assertThat(contents.deliverable()).extracting(clip -> clip.clip().id()).doesNotContain(canary);
        // Stored like any clip: its metadata reads as any other's.
        var metadata = AccessFixture.json(fixture.send("GET", "/api/v1/clips/" + canary, fixture.bootstrapToken, null));
        assertThat(metadata.get("state").asText()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void aStolenReviewerSession_touchingACanary_isSuspendedAtOnce_andOnlyASecurityOfficerLiftsIt() throws Exception {
        var reviewer = assignedReviewer();
        var session =
                AccessFixture.json(fixture.signIn(reviewer.username().value(), AccessFixture.PASSWORD, totp(reviewer)));
        String stolen = session.get("token").asText();
        long before = fixture.ledgerSize();
        long leaked = 0;
        int status = 0;
        for (String clip : List.of(fixture.clipA, canary.value(), fixture.clipA)) {
            var response = fixture.sendBytes("GET", "/api/v1/clips/" + clip + "/audio?purpose=review", stolen, null);
            status = response.statusCode();
            leaked += status == 200 ? response.body().length : 0;
        }

        assertThat(leaked).isEqualTo(CLIP_BYTES);
        assertThat(status).isEqualTo(401);
        assertThat(fixture.ledgerSince(before)).extracting(LedgerEntry::action).contains(Action.PRINCIPAL_SUSPENDED);
        assertThat(alerts)
                .singleElement()
                .asString()
                .contains(reviewer.id().value())
                .contains("CANARY_TOUCHED");
        assertThat(fixture.signIn(reviewer.username().value(), AccessFixture.PASSWORD, totp(reviewer))
                        .statusCode())
                .isEqualTo(401);

        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty()).account();
        var operator = fixture.account(Role.OPERATOR, Optional.empty()).account();
        var listed = AccessFixture.json(fixture.send("GET", "/api/v1/suspensions", fixture.apiToken(officer), null));
        assertThat(listed.findValuesAsText("principal"))
                .containsExactly(reviewer.id().value());
        String lift = "/api/v1/suspensions/" + reviewer.id() + "/lift";
        assertThat(fixture.send("POST", lift, fixture.apiToken(operator), null).statusCode())
                .isEqualTo(403);
        assertThat(fixture.send("POST", lift, fixture.apiToken(officer), null).statusCode())
                .isEqualTo(204);
        assertThat(fixture.sendBytes("GET", "/api/v1/clips/" + fixture.clipA + "/audio?purpose=review", stolen, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(fixture.sendBytes(
                                "GET",
                                "/api/v1/clips/" + fixture.clipA + "/audio?purpose=review",
                                fixture.apiToken(reviewer),
                                null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRateFarAboveThePrincipalsOwnHistory_suspendsIt() throws Exception {
        var reviewer = assignedReviewer();
        String token = fixture.apiToken(reviewer);
        String audio = "/api/v1/clips/" + fixture.clipA + "/audio?purpose=review";
        assertThat(fixture.sendBytes("GET", audio, token, null).statusCode()).isEqualTo(200);
        fixture.clock.advance(Duration.ofHours(1));

        // A baseline of one clip an hour, k = 2: the third clip this hour is over twice the baseline.
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(fixture.sendBytes("GET", audio, token, null).statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 403, 401);
        assertThat(alerts).singleElement().asString().contains("RATE_ANOMALY");
    }

    private Account assignedReviewer() {
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty());
        fixture.services
                .reviewers()
                .assign(
                        Principal.bootstrapAdmin(),
                        fixture.projectA.id(),
                        reviewer.account().id());
        enrolments.put(reviewer.account().id().value(), reviewer.totpEnrolment().orElseThrow());
        return reviewer.account();
    }

    private final Map<String, String> enrolments = new java.util.HashMap<>();

    private String totp(Account account) {
        return fixture.totp(enrolments.get(account.id().value()), 0);
    }
}
