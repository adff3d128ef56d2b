package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.PlatformPurpose;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Purpose;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that opens audio, asked for every purpose of the vocabulary and for words outside it:
 * only a platform purpose of the caller's role opens anything; a data-use purpose (even one the
 * terms allow) needs a grant, one the terms forbid is refused, a free word is unknown; each refusal is
 * logged and opens nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurposesBindEveryOpenIT {
    private static final List<String> FREE_WORDS = List.of("qa", "test", "REVIEW", "review ", "", "..%2Fx");

    AccessFixture fixture;
    String reviewerToken;

    @BeforeAll
    void start(@TempDir Path temp) {
        fixture = new AccessFixture(temp.resolve("data"));
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty()).account();
        fixture.services.reviewers().assign(Principal.bootstrapAdmin(), fixture.projectA.id(), reviewer.id());
        reviewerToken = fixture.apiToken(reviewer);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void clipAudio_opensForThePlatformPurposesOfTheCallersRole_only() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String purpose : everyPurpose()) {
            check(mismatches, "reviewer", reviewerToken, purpose, Role.REVIEWER);
            check(mismatches, "bootstrap administrator", fixture.bootstrapToken, purpose, Role.BOOTSTRAP_ADMIN);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void voiceCloning_whichTheTermsForbid_isRefusedAndLogged_andNothingIsOpened() throws Exception {
        long before = fixture.ledgerSize();

        var response = fixture.send("GET", audio("voice-cloning"), reviewerToken, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(AccessFixture.json(response).get("code").asText()).isEqualTo("PURPOSE_NOT_CONSENTED");
        assertThat(fixture.ledgerSince(before)).extracting(LedgerEntry::action).containsExactly(Action.REQUEST_REFUSED);
    }

    @Test
    void aFreeWord_isUnknown_loggedAsARefusal() throws Exception {
        long before = fixture.ledgerSize();

        var response = fixture.send("GET", audio("training"), fixture.bootstrapToken, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(AccessFixture.json(response).get("code").asText()).isEqualTo("PURPOSE_UNKNOWN");
        assertThat(fixture.ledgerSince(before)).extracting(LedgerEntry::action).containsExactly(Action.REQUEST_REFUSED);
    }

    @Test
    void incidentForensics_opensForASecurityOfficer_throughTheCustodian() {
        var officer = fixture.services
                .accounts()
                .create(
                        Principal.bootstrapAdmin(),
                        new dev.custody.access.NewAccount(
                                new dev.custody.access.Username("officer-forensics"),
                                AccessFixture.PASSWORD,
                                Role.SECURITY_OFFICER,
                                Optional.empty()))
                .account()
                .principal(Principal.newRequestId());
        var clip = new dev.custody.clip.ClipId(fixture.clipA);

        assertThat(fixture.services
                        .custodian()
                        .open(officer, clip, "incident-forensics")
                        .bytes())
                .isNotEmpty();
    }

    @Test
    void theContributorsExport_opensTheirOwnClipsForPortability() throws Exception {
        long before = fixture.ledgerSize();

        var export = fixture.sendBytes("GET", "/api/v1/me/export", fixture.apiToken(fixture.clipOwner), null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(fixture.ledgerSince(before))
                .filteredOn(entry -> entry.action() == Action.CLIP_OPENED)
                .extracting(LedgerEntry::purpose)
                .containsExactly(PlatformPurpose.PORTABILITY.code());
    }

    private void check(List<String> mismatches, String who, String token, String purpose, Role role) throws Exception {
        long before = fixture.ledgerSize();
        var response = fixture.send("GET", audio(purpose), token, null);
        String expected = expectedCode(purpose, role);
        String code = response.statusCode() == 200
                ? "OK"
                : AccessFixture.json(response).get("code").asText();
        List<Action> logged =
                fixture.ledgerSince(before).stream().map(LedgerEntry::action).toList();
        List<Action> expectedLog = expected.equals("OK")
                ? List.of(Action.CLIP_OPENED, Action.CLIP_OPEN_ENDED)
                : List.of(Action.REQUEST_REFUSED);
        if (!code.equals(expected) || !logged.equals(expectedLog)) {
            mismatches.add(who + " for '" + purpose + "': " + code + " " + logged);
        }
    }

    private static String expectedCode(String purpose, Role role) {
        for (PlatformPurpose platform : PlatformPurpose.values()) {
            if (platform.code().equals(purpose)) {
                return platform.roles().contains(role) ? "OK" : "PURPOSE_NOT_CONSENTED";
            }
        }
        for (Purpose dataUse : Purpose.values()) {
            if (dataUse.code().equals(purpose)) {
                return "PURPOSE_NOT_CONSENTED";
            }
        }
        return "PURPOSE_UNKNOWN";
    }

    private static List<String> everyPurpose() {
        return Stream.of(
                        Stream.of(PlatformPurpose.values()).map(PlatformPurpose::code),
                        Stream.of(Purpose.values()).map(Purpose::code),
                        FREE_WORDS.stream())
                .flatMap(s -> s)
                .toList();
    }

    private String audio(String purpose) {
        return "/api/v1/clips/" + fixture.clipA + "/audio?purpose=" + purpose.replace(" ", "%20");
    }
}
