package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.GrantId;
import dev.custody.grant.NewGrant;
import dev.custody.grant.RevocationFeedFormat;
import dev.custody.grant.RevocationReason;
import dev.custody.project.Purpose;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation feed: a delivered clip that is erased reaches its buyer as a signed entry naming
 * only its per-grant key; the buyer reads with a cursor and acknowledges; what stays unacknowledged
 * past the deadline is listed for the client-admin and the security officer; a forged page fails.
 */
class RevocationFeedIT {
    AccessFixture fixture;
    Account admin;
    Account consumer;
    ClipId clip;
    GrantId grant;

    @BeforeEach
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(temp.resolve("data"));
        admin = fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        consumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        clip = new ClipId(fixture.clipA);
        fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().decide(clip, ClipState.ACCEPTED));
        grant = fixture.services
                .grants()
                .create(
                        admin.principal(Principal.newRequestId()),
                        fixture.orgA,
                        new NewGrant(
                                fixture.projectA.id(),
                                consumer.id(),
                                Set.of(Purpose.ASR_TRAINING),
                                fixture.clock.instant().plus(Duration.ofDays(90)),
                                new GrantBudget(1_000_000, 1_000_000, 1_000_000, 10, 10, 10),
                                new BuyerCommitments(7, true, true, true)))
                .id();
        fixture.services.grants().recordDelivery(grant, clip);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anErasedDeliveredClip_isInTheSignedFeed_acknowledged_orListedOverdue() throws Exception {
        String feed = "/api/v1/grants/" + grant + "/revocations";
        var keys = fixture.services.ledger().keys().ledger();
        var empty = RevocationFeedFormat.verify(
                fixture.send("GET", feed, fixture.apiToken(consumer), null).body(), keys);
        assertThat(empty.entries()).isEmpty();

        var owner = fixture.services.tenancy().contributorOf(clip).orElseThrow();
        fixture.services.erasure().erase(Principal.bootstrapAdmin(), owner);
        var page = fixture.send("GET", feed + "?after=0", fixture.apiToken(consumer), null);

        var read = RevocationFeedFormat.verify(page.body(), keys);
        assertThat(read.grant()).isEqualTo(grant);
        assertThat(read.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.reason()).isEqualTo(RevocationReason.ERASED);
            assertThat(entry.sampleKey()).isEqualTo(fixture.services.grantKeys().sampleKey(grant, clip));
        });
        assertThat(page.body()).doesNotContain(clip.value()).doesNotContain(owner.value());
        assertThat(RevocationFeedFormat.verify(
                                fixture.send("GET", feed + "?after=1", fixture.apiToken(consumer), null)
                                        .body(),
                                keys)
                        .entries())
                .isEmpty();

        // Past the 7 days, unacknowledged: listed for the client-admin and the security officer.
        fixture.clock.advance(Duration.ofDays(8));
        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty()).account();
        var foreignAdmin =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();
        String overdue = "/api/v1/revocations/overdue";
        assertThat(AccessFixture.json(fixture.send("GET", overdue, fixture.apiToken(admin), null))
                        .findValuesAsText("grant"))
                .containsExactly(grant.value());
        assertThat(AccessFixture.json(fixture.send("GET", overdue, fixture.apiToken(officer), null))
                        .findValuesAsText("grant"))
                .containsExactly(grant.value());
        assertThat(AccessFixture.json(fixture.send("GET", overdue, fixture.apiToken(foreignAdmin), null)))
                .isEmpty();

        var acknowledged =
                fixture.send("POST", feed + "/acknowledgments", fixture.apiToken(consumer), "{\"sequences\":[1]}");
        assertThat(AccessFixture.json(acknowledged).get("acknowledged").asInt()).isEqualTo(1);
        assertThat(AccessFixture.json(fixture.send("GET", overdue, fixture.apiToken(admin), null)))
                .isEmpty();
    }

    @Test
    void aRevokedGrant_putsEveryDeliveredKeyInTheFeed() throws Exception {
        fixture.services.grants().revoke(admin.principal(Principal.newRequestId()), grant);
        var keys = fixture.services.ledger().keys().ledger();

        var read = RevocationFeedFormat.verify(
                fixture.send("GET", "/api/v1/grants/" + grant + "/revocations", fixture.apiToken(consumer), null)
                        .body(),
                keys);

        assertThat(read.entries()).extracting(entry -> entry.reason()).containsExactly(RevocationReason.GRANT_REVOKED);
    }

    @Test
    void aForgedOrAlteredPage_failsVerification() throws Exception {
        fixture.services.grants().revoke(admin.principal(Principal.newRequestId()), grant);
        var keys = fixture.services.ledger().keys().ledger();
        String page = fixture.send("GET", "/api/v1/grants/" + grant + "/revocations", fixture.apiToken(consumer), null)
                .body();
        String key =
                RevocationFeedFormat.verify(page, keys).entries().getFirst().sampleKey();

        for (String forged : new String[] {
            page.replace(key, "0".repeat(32)),
            page.replace("GRANT_REVOKED", "ERASED"),
            page.replace("next 1", "next 0"),
            page.substring(0, page.indexOf("\n\n") + 2) + "ed25519 AAAA\nml-dsa-65 AAAA\n",
            "custody-revocation-feed/1\n"
        }) {
            assertThatThrownBy(() -> RevocationFeedFormat.verify(forged, keys))
                    .isInstanceOf(CustodyException.class)
                    .extracting(e -> ((CustodyException) e).code())
                    .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
        assertThat(fixture.send(
                                "GET",
                                "/api/v1/grants/" + grant + "/revocations",
                                fixture.apiToken(fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA))
                                        .account()),
                                null)
                        .statusCode())
                .isEqualTo(404);
    }
}
