package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.app.PaperConsents;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.contributor.Identity;
import dev.custody.grant.Exclusion;
import dev.custody.grant.GrantId;
import dev.custody.keys.KeyPurpose;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.store.MetadataStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-use grants over the API: created by a client-admin for a data consumer of the same
 * organization, for purposes the terms allow; enforced by the custodian (state, expiry, purposes,
 * consent); suspended and revoked; each change in the ledger; another organization refused.
 */
class GrantsIT {
    AccessFixture fixture;
    Account admin;
    Account consumer;
    ClipId accepted;

    @BeforeEach
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(temp.resolve("data"));
        admin = fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account();
        consumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        accepted = new ClipId(fixture.clipA);
        metadata().inTransaction(r -> r.clips().decide(accepted, ClipState.ACCEPTED));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aClientAdmin_grantsItsConsumer_theGrantIsLedgered_andTheConsumerOpensUnderIt() throws Exception {
        long before = fixture.ledgerSize();

        var created = create(consumer, "[\"asr-training\"]");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode grant = AccessFixture.json(created);
        assertThat(grant.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(grant.at("/budget/bytesPerHour").asLong()).isEqualTo(10_000_000);
        assertThat(grant.at("/commitments/deleteWithinDays").asInt()).isEqualTo(14);
        assertThat(created.body()).doesNotContainIgnoringCase("secret");
        assertThat(fixture.ledgerSince(before)).extracting(LedgerEntry::action).contains(Action.GRANT_CHANGED);
        String id = grant.get("id").asText();
        var mine = AccessFixture.json(fixture.send("GET", "/api/v1/me/grants", fixture.apiToken(consumer), null));
        assertThat(mine.findValuesAsText("id")).containsExactly(id);

        var audio = fixture.services
                .custodian()
                .openUnderGrant(principal(consumer), new GrantId(id), accepted, "asr-training");

        assertThat(audio.bytes()).isNotEmpty();
        assertThat(fixture.services
                        .grants()
                        .contents(principal(consumer), new GrantId(id))
                        .deliverable())
                .extracting(clip -> clip.clip().id())
                .containsExactly(accepted);
    }

    @Test
    void aPurposeTheTermsForbidOrDoNotAllow_isRefused_loggedAndNothingIsGranted() throws Exception {
        for (String purposes :
                List.of("[\"voice-cloning\"]", "[\"asr-training\",\"tts-training\"]", "[\"evaluation\"]")) {
            long before = fixture.ledgerSize();

            var refused = create(consumer, purposes);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(AccessFixture.json(refused).get("code").asText()).isEqualTo("PURPOSE_NOT_CONSENTED");
            // (The other entry is the token the request was made with.)
            assertThat(fixture.ledgerSince(before))
                    .extracting(LedgerEntry::action)
                    .contains(Action.REQUEST_REFUSED)
                    .doesNotContain(Action.GRANT_CHANGED);
        }
        assertThat(create(consumer, "[\"teleportation\"]").statusCode()).isEqualTo(422);
        assertThat(fixture.services.grants().mine(principal(consumer))).isEmpty();
    }

    @Test
    void anotherOrganizationsConsumerOrGrant_isRefused() throws Exception {
        var foreignConsumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgB)).account();
        var foreignAdmin =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();
        var otherConsumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();

        var refused = create(foreignConsumer, "[\"asr-training\"]");
        String id = AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText();

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(AccessFixture.json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(fixture.send("GET", "/api/v1/grants/" + id, fixture.apiToken(foreignAdmin), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fixture.send("GET", "/api/v1/grants/" + id, fixture.apiToken(otherConsumer), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fixture.send("POST", "/api/v1/grants/" + id + "/revoke", fixture.apiToken(foreignAdmin), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fixture.send(
                                "GET",
                                "/api/v1/organizations/" + fixture.orgA + "/grants",
                                fixture.apiToken(foreignAdmin),
                                null)
                        .statusCode())
                .isEqualTo(403);
        assertCode(
                () -> fixture.services
                        .custodian()
                        .openUnderGrant(principal(otherConsumer), new GrantId(id), accepted, "asr-training"),
                ErrorCode.FORBIDDEN);
    }

    @Test
    void theCustodian_opensNothingForAPurposeTheGrantLacks_aSuspendedRevokedOrExpiredGrant() throws Exception {
        GrantId id = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        Principal buyer = principal(consumer);

        assertCode(() -> open(buyer, id, "evaluation"), ErrorCode.PURPOSE_NOT_CONSENTED);
        assertCode(() -> open(buyer, id, "review"), ErrorCode.PURPOSE_NOT_CONSENTED);
        assertCode(() -> open(buyer, id, "anything"), ErrorCode.PURPOSE_UNKNOWN);

        var suspended = fixture.send("POST", "/api/v1/grants/" + id + "/suspend", fixture.apiToken(admin), null);
        assertThat(AccessFixture.json(suspended).get("state").asText()).isEqualTo("SUSPENDED");
        assertCode(() -> open(buyer, id, "asr-training"), ErrorCode.GRANT_INACTIVE);
        assertCode(() -> fixture.services.grants().contents(buyer, id), ErrorCode.GRANT_INACTIVE);

        long before = fixture.ledgerSize();
        var revoked = fixture.send("POST", "/api/v1/grants/" + id + "/revoke", fixture.apiToken(admin), null);
        assertThat(AccessFixture.json(revoked).get("state").asText()).isEqualTo("REVOKED");
        assertThat(fixture.ledgerSince(before)).extracting(LedgerEntry::action).contains(Action.GRANT_CHANGED);
        var again = fixture.send("POST", "/api/v1/grants/" + id + "/suspend", fixture.apiToken(admin), null);
        assertThat(AccessFixture.json(again).get("code").asText()).isEqualTo("CONFLICT");
        assertCode(() -> open(buyer, id, "asr-training"), ErrorCode.GRANT_INACTIVE);

        GrantId expiring = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        assertThat(open(buyer, expiring, "asr-training").bytes()).isNotEmpty();
        fixture.clock.advance(Duration.ofDays(31));
        assertCode(() -> open(buyer, expiring, "asr-training"), ErrorCode.GRANT_INACTIVE);
    }

    @Test
    void aClipWhoseConsentIsWithdrawn_isLeftOut_andTheGrantSaysHowManyAndWhy() throws Exception {
        GrantId id = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        ClipId withdrawn = acceptedClipOfANewContributor(true);
        ClipId kept = acceptedClipOfANewContributor(false);

        var contents = fixture.services.grants().contents(principal(consumer), id);
        var view = AccessFixture.json(fixture.send("GET", "/api/v1/grants/" + id, fixture.apiToken(admin), null));

        assertThat(contents.deliverable())
                .extracting(clip -> clip.clip().id())
                .containsExactlyInAnyOrder(accepted, kept);
        assertThat(contents.excluded()).containsExactly(java.util.Map.entry(Exclusion.NO_LIVE_CONSENT, 1L));
        assertThat(view.at("/excluded/NO_LIVE_CONSENT").asLong()).isEqualTo(1);
        assertCode(() -> open(principal(consumer), id, "asr-training", withdrawn), ErrorCode.PURPOSE_NOT_CONSENTED);
    }

    @Test
    void keysAndSpeakerLabels_arePerGrant_andDeliveriesAnswerWhoHoldsAClip() throws Exception {
        GrantId one = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        GrantId other = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        var keys = fixture.services.grantKeys();
        var speaker = fixture.services.tenancy().contributorOf(accepted).orElseThrow();

        assertThat(keys.sampleKey(one, accepted))
                .isEqualTo(keys.sampleKey(one, accepted))
                .isNotEqualTo(keys.sampleKey(other, accepted))
                .matches("[0-9a-f]{32}")
                .doesNotContain(accepted.value());
        assertThat(keys.speakerLabel(one, speaker))
                .isNotEqualTo(keys.speakerLabel(other, speaker))
                .matches("[0-9a-f]{16}");

        fixture.services.grants().recordDelivery(one, accepted);
        fixture.services.grants().recordDelivery(other, accepted);

        assertThat(fixture.services.grants().holders(accepted)).containsExactlyInAnyOrder(one, other);
    }

    @Test
    void aGrantsSecret_isRewrappedWithTheIdentities_soDestroyingTheOldKekVersionLosesNoGrant() throws Exception {
        GrantId grant = new GrantId(AccessFixture.json(create(consumer, "[\"asr-training\"]"))
                .get("id")
                .asText());
        var keys = fixture.services.grantKeys();
        String before = keys.sampleKey(grant, accepted);
        var admin = Principal.bootstrapAdmin();
        var rotation = fixture.services.keys();
        rotation.setBackupRetention(admin, 0);
        int retired = rotation.rotate(admin, KeyPurpose.IDENTITY).version() - 1;

        assertCode(() -> rotation.destroy(admin, KeyPurpose.IDENTITY, retired), ErrorCode.CONFLICT);
        while (!rotation.rewrap(admin, 100).finished()) {
            // Batches until every identity row, grants' secrets too, is under the new version.
        }
        rotation.destroy(admin, KeyPurpose.IDENTITY, retired);

        assertThat(keys.sampleKey(grant, accepted)).isEqualTo(before);
    }

    private ClipId acceptedClipOfANewContributor(boolean withdrawConsent) {
        var admin = Principal.bootstrapAdmin();
        var pseudonym = fixture.services.contributors().register(admin, new Identity("Kim", "kim@example.org"));
        PaperConsents.record(fixture.services, pseudonym.pseudonym(), fixture.projectA.id());
        var clip = fixture.services
                .ingest()
                .ingest(
                        admin,
                        new dev.custody.clip.IngestRequest(fixture.projectA.id(), pseudonym.pseudonym(), 0),
                        new ByteArrayInputStream(AccessFixture.speech(11)))
                .clip()
                .id();
        metadata().inTransaction(r -> {
            r.clips().decide(clip, ClipState.ACCEPTED);
            if (withdrawConsent) {
                // A withdrawal whose erasure has not run yet: the consent alone is gone.
                r.consents().withdraw(pseudonym.pseudonym(), fixture.projectA.id(), fixture.clock.instant());
            }
            return null;
        });
        return clip;
    }

    private java.net.http.HttpResponse<String> create(Account grantee, String purposes) throws Exception {
        String body = "{\"project\":\"" + fixture.projectA.id() + "\",\"consumer\":\""
                + grantee.id().value()
                + "\",\"purposes\":" + purposes + ",\"expiresAt\":\""
                + fixture.clock.instant().plus(Duration.ofDays(30)) + "\","
                + "\"budget\":{\"bytesPerHour\":10000000,\"bytesPerDay\":100000000,\"bytesTotal\":1000000000,"
                + "\"clipsPerHour\":100,\"clipsPerDay\":1000,\"clipsTotal\":10000},"
                + "\"commitments\":{\"deleteWithinDays\":14,\"encryptionAtRest\":true,\"noReidentification\":true,"
                + "\"noOnwardTransfer\":true}}";
        return fixture.send("POST", "/api/v1/organizations/" + fixture.orgA + "/grants", fixture.apiToken(admin), body);
    }

    private dev.custody.clip.ClipAudio open(Principal buyer, GrantId grant, String purpose) {
        return open(buyer, grant, purpose, accepted);
    }

    private dev.custody.clip.ClipAudio open(Principal buyer, GrantId grant, String purpose, ClipId clip) {
        return fixture.services.custodian().openUnderGrant(buyer, grant, clip, purpose);
    }

    private static Principal principal(Account account) {
        return account.principal(Principal.newRequestId());
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(code);
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }
}
