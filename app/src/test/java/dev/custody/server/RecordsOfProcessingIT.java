package dev.custody.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custody.access.Account;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.project.OrganizationId;
import dev.custody.testkit.ProjectPlans;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records of processing of a project over HTTP, as JSON and as a page, to whom they belong;
 * and retention run by hand. The fixture's project A keeps clips 30 days and holds one clip of one
 * consenting contributor.
 */
class RecordsOfProcessingIT {
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'Ünïcode'";

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
    void asJson_statesControllerPurposesCategoriesRecipientsRetentionSecurityAndCounts() throws Exception {
        var response = get(records(fixture.projectA.id().value()), clientAdmin(fixture.orgA));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode r = AccessFixture.json(response);
        assertThat(r.at("/project/id").asText()).isEqualTo(fixture.projectA.id().value());
        assertThat(r.at("/controller/id").asText()).isEqualTo(fixture.orgA.value());
        assertThat(r.at("/controller/name").asText()).isEqualTo("Acme");
        assertThat(r.at("/controller/role").asText()).isEqualTo("controller");
        assertThat(r.at("/processor/role").asText()).isEqualTo("processor");
        assertThat(r.at("/processor/id").asText()).startsWith("custody/ledger/");
        assertThat(texts(r.at("/purposes/allowed"))).containsExactly("asr-training");
        assertThat(texts(r.at("/purposes/forbidden"))).containsExactly("tts-training", "voice-cloning");
        assertThat(r.at("/personalData/0/name").asText()).isEqualTo("voice recordings");
        assertThat(r.at("/personalData/0/specialCategory").asBoolean()).isTrue();
        assertThat(names(r.at("/personalData")))
                .containsExactly("voice recordings", "identity", "consent records", "quality metadata", "account data");
        assertThat(names(r.at("/dataSubjects"))).containsExactly("contributors", "reviewers", "client users");
        assertThat(names(r.at("/recipients"))).containsExactly("Acme", "data consumers of Acme");
        assertThat(r.at("/recipients/1/description").asText()).contains("does not issue grants yet");
        assertThat(r.at("/retention/clipRetentionDays").asLong()).isEqualTo(30);
        assertThat(r.at("/retention/contributorInactivityDays").asLong()).isEqualTo(1095);
        assertThat(r.at("/retention/backupRetentionDays").asLong()).isEqualTo(30);
        assertThat(r.at("/retention/erasure").asText()).contains("crypto-shredding");
        assertThat(r.at("/internationalTransfers").isEmpty()).isTrue();
        assertThat(r.at("/security/keyProvider").asText()).isEqualTo("local");
        assertThat(r.at("/security/keyEncryption").asText()).contains("local keyring", "Argon2id");
        assertThat(r.at("/security/voiceEncryption").asText()).contains("AES-256-GCM-HKDF", "64 KiB");
        assertThat(r.at("/security/accessControl").asText()).contains("client-admin", "reviewer");
        assertThat(r.at("/security/ledgerEntries").asLong()).isEqualTo(fixture.ledgerSize());
        assertThat(r.at("/counts/contributors/ACTIVE").asLong()).isEqualTo(1);
        assertThat(r.at("/counts/contributors/ERASED").asLong()).isZero();
        assertThat(r.at("/counts/clips/PENDING_REVIEW").asLong()).isEqualTo(1);
        assertThat(r.at("/counts/clips/ERASED").asLong()).isZero();
        // Categories and counts only: no person's name or address, no key material.
        assertThat(response.body()).doesNotContain("Dana", "dana@example.org", "passphrase\"");
    }

    @Test
    void asPage_escapesEveryValue_andLoadsNothingFromElsewhere() throws Exception {
        var hostile = fixture.services
                .projects()
                .createProject(
                        Principal.bootstrapAdmin(),
                        fixture.orgA,
                        ProjectPlans.readAloud(HOSTILE, List.of("Hello."), 1, Duration.ofDays(7)));

        var page = get(records(hostile.id().value()) + ".html", token(Role.AUDITOR));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
        assertThat(page.body())
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ünïcode&#39;")
                .doesNotContain(HOSTILE, "<script", "src=", "href=")
                .contains("<h2>Categories of personal data</h2>", "voice recordings", "None configured.");
    }

    @Test
    void anotherOrganizationsClientAdmin_isRefused_andTheRefusalIsLogged() throws Exception {
        Account outsiderAccount =
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account();
        String outsider = fixture.apiToken(outsiderAccount);
        String outsiderId = outsiderAccount.id().value();
        long before = fixture.ledgerSize();

        var json = get(records(fixture.projectA.id().value()), outsider);
        var page = get(records(fixture.projectA.id().value()) + ".html", outsider);

        for (var refused : List.of(json, page)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(AccessFixture.json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
        }
        List<LedgerEntry> logged =
                fixture.services.ledger().entries(Principal.bootstrapAdmin(), before, Long.MAX_VALUE);
        String route = "GET:" + ComplianceRoutes.RECORDS_PATH;
        assertThat(logged)
                .anySatisfy(entry ->
                        assertThat(entry.records(denied(outsiderId, route))).isTrue())
                .anySatisfy(entry -> assertThat(entry.records(denied(outsiderId, route + ".html")))
                        .isTrue());
    }

    @Test
    void retentionRun_byASecurityOfficer_erasesWhatIsDueAndAnswersWithCounts() throws Exception {
        var nothingDue = fixture.send("POST", "/api/v1/retention/run", token(Role.SECURITY_OFFICER), null);
        fixture.clock.advance(Duration.ofDays(31));
        var clipDue = fixture.send("POST", "/api/v1/retention/run", token(Role.SECURITY_OFFICER), null);

        assertThat(nothingDue.statusCode()).as(nothingDue.body()).isEqualTo(200);
        assertThat(AccessFixture.json(nothingDue).get("expiredClips").asLong()).isZero();
        assertThat(clipDue.statusCode()).as(clipDue.body()).isEqualTo(200);
        assertThat(AccessFixture.json(clipDue).get("expiredClips").asLong()).isEqualTo(1);
        assertThat(AccessFixture.json(clipDue).get("inactiveContributors").asLong())
                .isZero();
        var counts = AccessFixture.json(get(records(fixture.projectA.id().value()), token(Role.AUDITOR)));
        assertThat(counts.at("/counts/clips/ERASED").asLong()).isEqualTo(1);
    }

    private static String records(String project) {
        return "/api/v1/projects/" + project + "/records-of-processing";
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return fixture.send("GET", path, token, null);
    }

    private String clientAdmin(OrganizationId org) {
        return fixture.apiToken(
                fixture.account(Role.CLIENT_ADMIN, Optional.of(org)).account());
    }

    private String token(Role platformRole) {
        return fixture.apiToken(fixture.account(platformRole, Optional.empty()).account());
    }

    private static PermissionChanged denied(String principal, String route) {
        return new PermissionChanged(principal, ActorRole.CLIENT_ADMIN, PermissionChange.DENIED, route);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get("name").asText()));
        return names;
    }
}
