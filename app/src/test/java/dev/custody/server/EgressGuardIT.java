package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.app.PaperConsents;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.grant.GrantId;
import dev.custody.ledger.Action;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The egress guard against a stolen credential: with a reviewer's token or a data consumer's, an
 * attacker tries to pull every clip of a project; what leaves is at most the budget, every further
 * open is refused with BUDGET_EXCEEDED before any byte, and each refusal is logged.
 */
class EgressGuardIT {
    /** Two seconds of 16 kHz 16-bit mono: 64,044 bytes a clip. */
    private static final long CLIP_BYTES = 64_044;

    private static final long PRINCIPAL_BYTES_PER_HOUR = 3 * CLIP_BYTES;
    private static final long ORGANIZATION_BYTES_PER_HOUR = 4 * CLIP_BYTES;

    AccessFixture fixture;
    List<ClipId> clips = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(
                temp.resolve("data"),
                Map.of(
                        "CUSTODY_EGRESS_PRINCIPAL_BYTES_PER_HOUR", Long.toString(PRINCIPAL_BYTES_PER_HOUR),
                        "CUSTODY_EGRESS_ORGANIZATION_BYTES_PER_HOUR", Long.toString(ORGANIZATION_BYTES_PER_HOUR)));
        clips.add(new ClipId(fixture.clipA));
        for (int i = 0; i < 7; i++) {
            clips.add(clipOfANewContributor(i));
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aStolenReviewerToken_pullsAtMostItsHourlyBudget_thenEveryOpenIsRefusedBeforeAnyByte() throws Exception {
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty()).account();
        fixture.services.reviewers().assign(Principal.bootstrapAdmin(), fixture.projectA.id(), reviewer.id());
        String stolen = fixture.apiToken(reviewer);
        long before = fixture.ledgerSize();

        // Every clip the review queue names, and then every clip id there is.
        var queue = AccessFixture.json(fixture.send(
                "GET", "/api/v1/projects/" + fixture.projectA.id() + "/review-queue?limit=100", stolen, null));
        List<String> targets = new ArrayList<>(queue.findValuesAsText("clip"));
        clips.forEach(clip -> targets.add(clip.value()));
        long leaked = 0;
        int refused = 0;
        for (String clip : targets) {
            var response = fixture.sendBytes("GET", "/api/v1/clips/" + clip + "/audio?purpose=review", stolen, null);
            if (response.statusCode() == 200) {
                leaked += response.body().length;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(new String(response.body()))
                        .contains("BUDGET_EXCEEDED")
                        .doesNotContain("RIFF");
                refused++;
            }
        }

        assertThat(leaked).isEqualTo(PRINCIPAL_BYTES_PER_HOUR);
        assertThat(refused).isEqualTo(targets.size() - 3);
        assertThat(fixture.ledgerSince(before))
                .filteredOn(entry -> entry.action() == Action.REQUEST_REFUSED)
                .hasSize(refused);
        assertThat(fixture.ledgerSince(before))
                .filteredOn(entry -> entry.action() == Action.CLIP_OPENED)
                .hasSize(3);

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.sendBytes(
                                "GET", "/api/v1/clips/" + targets.getLast() + "/audio?purpose=review", stolen, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void stolenDataConsumerTokens_pullAtMostTheGrantsAndTheOrganizationsBudget() {
        clips.forEach(clip -> accept(clip));
        var admin =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        var first =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        var second =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        GrantId small = grant(admin, first, 2 * CLIP_BYTES);
        GrantId large = grant(admin, second, 100 * CLIP_BYTES);

        long firstLeaked = pullEverything(first.principal(Principal.newRequestId()), small);
        long secondLeaked = pullEverything(second.principal(Principal.newRequestId()), large);

        // The first grant's own budget stops the first consumer; the organization's hourly budget
        // (four clips, two of them already taken) stops the second, whatever its grant allows.
        assertThat(firstLeaked).isEqualTo(2 * CLIP_BYTES);
        assertThat(secondLeaked).isEqualTo(2 * CLIP_BYTES);
        assertThat(firstLeaked + secondLeaked).isLessThanOrEqualTo(ORGANIZATION_BYTES_PER_HOUR);
    }

    private long pullEverything(Principal thief, GrantId grant) {
        long leaked = 0;
        for (ClipId clip : clips) {
            try {
                leaked += fixture.services
                        .custodian()
                        .openUnderGrant(thief, grant, clip, "asr-training")
                        .bytes()
                        .length;
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
            }
        }
        return leaked;
    }

    private GrantId grant(dev.custody.access.Account admin, dev.custody.access.Account consumer, long bytesPerHour) {
        var request = new dev.custody.grant.NewGrant(
                fixture.projectA.id(),
                consumer.id(),
                java.util.Set.of(dev.custody.project.Purpose.ASR_TRAINING),
                fixture.clock.instant().plus(Duration.ofDays(30)),
                new dev.custody.grant.GrantBudget(bytesPerHour, bytesPerHour, bytesPerHour, 100, 100, 100),
                new dev.custody.grant.BuyerCommitments(14, true, true, true));
        return fixture.services
                .grants()
                .create(admin.principal(Principal.newRequestId()), fixture.orgA, request)
                .id();
    }

    private void accept(ClipId clip) {
        fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().decide(clip, ClipState.ACCEPTED));
    }

    private ClipId clipOfANewContributor(int seed) {
        var admin = Principal.bootstrapAdmin();
        var contributor = fixture.services.contributors().register(admin, new Identity("Kim", "kim@example.org"));
        PaperConsents.record(fixture.services, contributor.pseudonym(), fixture.projectA.id());
        return fixture.services
                .ingest()
                .ingest(
                        admin,
                        new IngestRequest(fixture.projectA.id(), contributor.pseudonym(), 0),
                        new ByteArrayInputStream(AccessFixture.speech(100 + seed)))
                .clip()
                .id();
    }
}
