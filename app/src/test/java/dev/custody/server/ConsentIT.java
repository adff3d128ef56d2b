package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custody.access.Account;
import dev.custody.access.Role;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.audit.ReceiptCheck;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.receipt.SignedConsentReceipt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent terms, the consent act, self-recording, withdrawal and account deletion over HTTP, and
 * the abuse cases: each bad request gets a clear error, changes nothing, and its refusal is logged.
 */
class ConsentIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    AccessFixture fixture;
    String project;

    @BeforeEach
    void start() {
        fixture = new AccessFixture(temp.resolve("data"));
        project = fixture.projectA.id().value();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void terms_areReadByWhoeverMayReadTheProject_currentAndByVersion() throws Exception {
        String token = contributorToken(contributor());

        JsonNode current = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);
        JsonNode first = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms/1", token, null), 200);

        assertThat(current).isEqualTo(first);
        assertThat(current.get("version").asInt()).isEqualTo(1);
        assertThat(current.get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(current.get("rights").toString()).contains("withdrawal", "erasure");
        assertThat(current.get("legalBases").toString()).contains("gdpr-art-9-2-a");
        assertError(fixture.send("GET", "/api/v1/projects/" + project + "/terms/2", token, null), 404, "NOT_FOUND");
    }

    @Test
    void aClientAdmin_publishesNewTerms_forItsOwnOrganizationsProjectsOnly() throws Exception {
        String admin = fixture.apiToken(
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account());
        String outsider = fixture.apiToken(
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgB)).account());
        long before = fixture.ledgerSize();

        assertError(
                fixture.send(
                        "POST",
                        "/api/v1/projects/" + project + "/terms",
                        outsider,
                        terms("Ours now.").toString()),
                403,
                "FORBIDDEN");
        assertThat(fixture.ledgerSize()).as("the denial is logged").isEqualTo(before + 1);
        JsonNode published = ok(
                fixture.send(
                        "POST",
                        "/api/v1/projects/" + project + "/terms",
                        admin,
                        terms("Version two.").toString()),
                201);

        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("text").asText()).isEqualTo("Version two.");
        assertThat(ok(fixture.send("GET", "/api/v1/projects/" + project, admin, null), 200)
                        .get("consentTermsVersion")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void badTerms_areRefused_storeNothing_andTheRefusalIsLogged() throws Exception {
        String admin = fixture.apiToken(
                fixture.account(Role.CLIENT_ADMIN, Optional.of(fixture.orgA)).account());
        String path = "/api/v1/projects/" + project + "/terms";
        List<String> bodies = List.of(
                terms("x".repeat(50_001)).toString(),
                terms("Bell \u0007").toString(),
                terms("Text.").put("retentionDays", 7).toString(),
                terms("Text.")
                        .set("purposesAllowed", JSON.valueToTree(List.of("voice-cloning")))
                        .toString(),
                terms("Text.")
                        .set("recipients", JSON.valueToTree(List.of("r".repeat(201))))
                        .toString(),
                terms("Text.")
                        .set("rights", JSON.valueToTree(List.of("access")))
                        .toString(),
                terms("Text.")
                        .set("legalBases", JSON.valueToTree(List.of("legitimate-interest")))
                        .toString(),
                terms("Text.").put("surprise", true).toString(),
                "{\"text\":");

        for (String body : bodies) {
            long before = fixture.ledgerSize();
            var response = fixture.send("POST", path, admin, body);

            assertError(response, 422, "INVALID_INPUT");
            assertRefusalLogged(before);
        }
        assertThat(ok(fixture.send("GET", path, admin, null), 200)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aContributor_consentsToTheCurrentTerms_andGetsAReceiptThatVerifiesOffline() throws Exception {
        Account dana = contributor();
        String token = contributorToken(dana);
        JsonNode terms = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);

        JsonNode consent = ok(
                fixture.send(
                        "POST",
                        "/api/v1/me/consents",
                        token,
                        consent(terms, "Dana Example").toString()),
                201);

        var receipt = SignedConsentReceipt.parse(consent.get("receipt").asText());
        LedgerEntry entry =
                ReceiptCheck.verify(receipt, fixture.services.ledger().keys());
        assertThat(entry.action()).isEqualTo(Action.CONSENT_GIVEN);
        assertThat(receipt.receipt().termsSha256().hex())
                .isEqualTo(terms.get("sha256").asText());
        assertThat(receipt.receipt().contributor()).isEqualTo(pseudonym(token));
        assertThat(consent.toString()).doesNotContain("Dana Example");
        JsonNode mine = ok(fixture.send("GET", "/api/v1/me/consents", token, null), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("withdrawn").asBoolean()).isFalse();
        ReceiptCheck.verify(
                SignedConsentReceipt.parse(mine.get(0).get("receipt").asText()),
                fixture.services.ledger().keys());
    }

    @Test
    void badConsents_areRefused_storeNothing_andTheRefusalIsLogged() throws Exception {
        String token = contributorToken(contributor());
        JsonNode terms = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);
        List<String> invalid = List.of(
                consent(terms, "Dana Example").put("agreed", false).toString(),
                consent(terms, "D".repeat(201)).toString(),
                consent(terms, "Dana\nExample").toString(),
                consent(terms, "   ").toString(),
                consent(terms, "Dana").put("termsSha256", "AB".repeat(32)).toString(),
                consent(terms, "Dana").put("termsSha256", "ab").toString(),
                consent(terms, "Dana").put("project", "../../etc/passwd").toString(),
                consent(terms, "Dana").put("termsVersion", 0).toString(),
                consent(terms, "Dana").put("extra", "field").toString(),
                consent(terms, "Dana").without("typedName").toString(),
                "[]");

        for (String body : invalid) {
            long before = fixture.ledgerSize();
            assertError(fixture.send("POST", "/api/v1/me/consents", token, body), 422, "INVALID_INPUT");
            assertRefusalLogged(before);
        }
        long before = fixture.ledgerSize();
        assertError(
                fixture.send(
                        "POST",
                        "/api/v1/me/consents",
                        token,
                        consent(terms, "Dana").put("termsVersion", 2).toString()),
                409,
                "CONFLICT");
        assertRefusalLogged(before);
        assertThat(ok(fixture.send("GET", "/api/v1/me/consents", token, null), 200))
                .isEmpty();
    }

    @Test
    void staff_recordAPaperConsent_withItsEvidence_markedAsRecordedByStaffEverywhere() throws Exception {
        String token = contributorToken(contributor());
        Pseudonym self = pseudonym(token);
        JsonNode terms = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);
        String form = "cd".repeat(32);
        long before = recordedByStaff();

        JsonNode recorded = ok(
                fixture.send(
                        "POST",
                        "/api/v1/contributors/" + self.value() + "/consents",
                        fixture.bootstrapToken,
                        paper(terms, form, "Wendolyn Quarterhouse").toString()),
                201);

        assertThat(recorded.get("recordedByStaff").asBoolean()).isTrue();
        // The witness's name is sealed: no file of the data folder holds it in the clear.
        byte[] witness = "Wendolyn Quarterhouse".getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(temp.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(Files.readAllBytes(file), witness))
                        .as(file.toString())
                        .isFalse();
            }
        }
        assertThat(recorded.get("paperFormSha256").asText()).isEqualTo(form);
        var receipt = SignedConsentReceipt.parse(recorded.get("receipt").asText());
        assertThat(ReceiptCheck.verify(receipt, fixture.services.ledger().keys())
                        .action())
                .isEqualTo(Action.CONSENT_GIVEN);
        assertThat(receipt.receipt().recordedByStaff()).isTrue();
        assertThat(lastEntry().action()).isEqualTo(Action.PAPER_CONSENT_RECORDED);
        JsonNode mine = ok(fixture.send("GET", "/api/v1/me/consents", token, null), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("recordedByStaff").asBoolean()).isTrue();
        assertThat(mine.get(0).get("paperFormSha256").asText()).isEqualTo(form);
        assertThat(recordedByStaff()).isEqualTo(before + 1);
        // The upload it allows: the consent counts like the contributor's own.
        assertThat(upload(token, "/api/v1/projects/" + project + "/clips?prompt=0")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void paperConsents_withoutEvidence_orForOtherTerms_areRefused_storeNothing_andAreLogged() throws Exception {
        String token = contributorToken(contributor());
        String path = "/api/v1/contributors/" + pseudonym(token).value() + "/consents";
        JsonNode terms = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);
        String form = "cd".repeat(32);
        List<String> invalid = List.of(
                JSON.createObjectNode()
                        .put("project", project)
                        .put("termsVersion", 1)
                        .toString(),
                paper(terms, form, "Wendy Witness").without("termsSha256").toString(),
                paper(terms, form, "Wendy Witness").without("formSha256").toString(),
                paper(terms, form, "Wendy Witness").without("witnessName").toString(),
                paper(terms, form, "   ").toString(),
                paper(terms, form, "Wendy\nWitness").toString(),
                paper(terms, "cd", "Wendy Witness").toString(),
                paper(terms, form, "Wendy Witness")
                        .put("termsSha256", "ab".repeat(32))
                        .toString(),
                paper(terms, form, "Wendy Witness").put("termsVersion", 2).toString(),
                paper(terms, form, "Wendy Witness").put("agreed", true).toString());

        for (String body : invalid) {
            long before = fixture.ledgerSize();
            assertError(fixture.send("POST", path, fixture.bootstrapToken, body), 422, "INVALID_INPUT");
            assertRefusalLogged(before);
        }
        assertThat(ok(fixture.send("GET", "/api/v1/me/consents", token, null), 200))
                .isEmpty();
    }

    @Test
    void aStoredConsentWhoseLedgerEntryDoesNotMatch_raisesTheAlarm_whenItsReceiptIsRebuilt() throws Exception {
        String token = contributorToken(contributor());
        consentToCurrentTerms(token);
        // An attacker who can write the database points the consent at another entry of the log.
        try (var connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + temp.resolve("data").resolve("custody.db"));
                var update =
                        connection.prepareStatement("UPDATE consents SET ledger_index = 0 WHERE contributor = ?")) {
            update.setString(1, pseudonym(token).value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertError(fixture.send("GET", "/api/v1/me/consents", token, null), 500, "INTEGRITY_FAILURE");

        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty()).account();
        JsonNode alarms = ok(fixture.send("GET", "/api/v1/integrity-failures", fixture.apiToken(officer), null), 200);
        assertThat(alarms.get("items")).hasSize(1);
        assertThat(alarms.get("items").get(0).get("check").asText()).isEqualTo("receipt");
        assertThat(alarms.get("items").get(0).get("actorRole").asText()).isEqualTo("CONTRIBUTOR");
    }

    @Test
    void aContributor_uploadsAsThemselves_andNeverAsSomeoneElse() throws Exception {
        String token = contributorToken(contributor());
        consentToCurrentTerms(token);
        Pseudonym self = pseudonym(token);

        var own = upload(token, "/api/v1/projects/" + project + "/clips?prompt=0");
        long before = fixture.ledgerSize();
        var other = upload(token, "/api/v1/projects/" + project + "/clips?prompt=0&contributor=" + Pseudonym.random());

        assertThat(ok(own, 201).at("/clip/contributor").asText()).isEqualTo(self.value());
        assertError(other, 403, "FORBIDDEN");
        assertThat(fixture.ledgerSize()).as("the denial is logged").isEqualTo(before + 1);
        assertThat(lastEntry().action()).isEqualTo(Action.PERMISSION_CHANGED);
        assertError(upload(token, "/api/v1/projects/" + project + "/clips?prompt=x1"), 422, "INVALID_INPUT");
        assertThat(lastEntry().action()).isEqualTo(Action.REQUEST_REFUSED);
    }

    @Test
    void withdrawingForAProject_erasesItsRecordings_whichAreNeverDeliveredAgain() throws Exception {
        String token = contributorToken(contributor());
        consentToCurrentTerms(token);
        String clip = ok(upload(token, "/api/v1/projects/" + project + "/clips?prompt=0"), 201)
                .at("/clip/id")
                .asText();

        JsonNode withdrawal =
                ok(fixture.send("POST", "/api/v1/me/consents/" + project + "/withdraw", token, null), 200);

        assertThat(withdrawal.get("erasedClips").asInt()).isEqualTo(1);
        assertThat(withdrawal.get("withdrawnConsents")).hasSize(1);
        assertError(
                fixture.send("GET", "/api/v1/clips/" + clip + "/audio?purpose=review", fixture.bootstrapToken, null),
                410,
                "ERASED");
        assertError(upload(token, "/api/v1/projects/" + project + "/clips?prompt=0"), 409, "CONSENT_REQUIRED");
        long before = fixture.ledgerSize();
        assertError(
                fixture.send("POST", "/api/v1/me/consents/" + project + "/withdraw", token, null), 404, "NOT_FOUND");
        assertRefusalLogged(before);
        assertError(
                fixture.send("POST", "/api/v1/me/consents/not-a-project/withdraw", token, null), 422, "INVALID_INPUT");
        JsonNode mine = ok(fixture.send("GET", "/api/v1/me/consents", token, null), 200);
        assertThat(mine.get(0).get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void withdrawingEverything_erasesTheContributor() throws Exception {
        String token = contributorToken(contributor());
        consentToCurrentTerms(token);
        String clip = ok(upload(token, "/api/v1/projects/" + project + "/clips?prompt=0"), 201)
                .at("/clip/id")
                .asText();

        JsonNode withdrawal = ok(fixture.send("POST", "/api/v1/me/withdraw", token, null), 200);

        assertThat(withdrawal.get("erasedClips").asInt()).isEqualTo(1);
        assertError(
                fixture.send("GET", "/api/v1/clips/" + clip + "/audio?purpose=review", fixture.bootstrapToken, null),
                410,
                "ERASED");
        assertError(fixture.send("POST", "/api/v1/me/withdraw", token, null), 410, "ERASED");
    }

    @Test
    void deletingMyAccount_erasesMe_andSigningInFailsAfterwards() throws Exception {
        Account dana = contributor();
        var session = json(fixture.signIn(dana.username().value(), AccessFixture.PASSWORD, null))
                .get("token")
                .asText();
        consentToCurrentTerms(session);
        long before = fixture.ledgerSize();

        // A stolen token alone cannot delete the account: the password is asked for again.
        assertError(fixture.send("DELETE", "/api/v1/me", session, "{}"), 422, "INVALID_INPUT");
        assertError(
                fixture.send("DELETE", "/api/v1/me", session, "{\"password\":\"not the password at all\"}"),
                401,
                "UNAUTHENTICATED");
        assertThat(json(fixture.send("GET", "/api/v1/me", session, null))
                        .get("pseudonym")
                        .isNull())
                .isFalse();

        var deleted =
                fixture.send("DELETE", "/api/v1/me", session, "{\"password\":\"" + AccessFixture.PASSWORD + "\"}");

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(fixture.ledgerSize()).isGreaterThan(before);
        assertThat(lastEntry().action()).isEqualTo(Action.ACCOUNT_CHANGED);
        assertError(fixture.send("GET", "/api/v1/me", session, null), 401, "UNAUTHENTICATED");
        assertError(fixture.signIn(dana.username().value(), AccessFixture.PASSWORD, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void createProject_withItsOwnTerms_publishesThemAsTheRequiredVersion() throws Exception {
        String body = "{\"name\":\"Own terms\",\"prompts\":[\"One.\"],\"consentTermsVersion\":1,\"retentionDays\":90,"
                + "\"language\":\"en\",\"targetClips\":10,\"payPerAcceptedClip\":\"0.10\",\"currency\":\"EUR\","
                + "\"purposesAllowed\":[\"evaluation\"],\"terms\":"
                + terms("Our own words.").put("retentionDays", 90) + "}";

        JsonNode created = ok(
                fixture.send(
                        "POST", "/api/v1/organizations/" + fixture.orgA + "/projects", fixture.bootstrapToken, body),
                201);
        JsonNode terms = ok(
                fixture.send(
                        "GET",
                        "/api/v1/projects/" + created.get("id").asText() + "/terms",
                        fixture.bootstrapToken,
                        null),
                200);

        assertThat(terms.get("text").asText()).isEqualTo("Our own words.");
        assertThat(terms.get("retentionDays").asInt()).isEqualTo(90);
        assertError(
                fixture.send(
                        "POST",
                        "/api/v1/organizations/" + fixture.orgA + "/projects",
                        fixture.bootstrapToken,
                        body.replace("\"retentionDays\":90}", "\"retentionDays\":91}")),
                422,
                "INVALID_INPUT");
    }

    private Account contributor() {
        return fixture.account(Role.CONTRIBUTOR, Optional.empty()).account();
    }

    private String contributorToken(Account account) {
        return fixture.apiToken(account);
    }

    private Pseudonym pseudonym(String token) throws Exception {
        return new Pseudonym(ok(fixture.send("GET", "/api/v1/me", token, null), 200)
                .get("pseudonym")
                .asText());
    }

    private void consentToCurrentTerms(String token) throws Exception {
        JsonNode terms = ok(fixture.send("GET", "/api/v1/projects/" + project + "/terms", token, null), 200);
        ok(
                fixture.send(
                        "POST",
                        "/api/v1/me/consents",
                        token,
                        consent(terms, "Casey Example").toString()),
                201);
    }

    private HttpResponse<String> upload(String token, String path) throws Exception {
        byte[] wav = WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 11), 16_000, 1, SampleEncoding.PCM_16);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port() + path))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(wav))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode consent(JsonNode terms, String typedName) {
        return JSON.createObjectNode()
                .put("project", terms.get("project").asText())
                .put("termsVersion", terms.get("version").asInt())
                .put("termsSha256", terms.get("sha256").asText())
                .put("typedName", typedName)
                .put("agreed", true);
    }

    /** What the project's records of processing count as consents recorded by staff. */
    private long recordedByStaff() throws Exception {
        return ok(
                        fixture.send(
                                "GET",
                                "/api/v1/projects/" + project + "/records-of-processing",
                                fixture.bootstrapToken,
                                null),
                        200)
                .get("counts")
                .get("consentsRecordedByStaff")
                .asLong();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static ObjectNode paper(JsonNode terms, String formSha256, String witnessName) {
        return JSON.createObjectNode()
                .put("project", terms.get("project").asText())
                .put("termsVersion", terms.get("version").asInt())
                .put("termsSha256", terms.get("sha256").asText())
                .put("formSha256", formSha256)
                .put("witnessName", witnessName);
    }

    private static ObjectNode terms(String text) {
        ObjectNode terms = JSON.createObjectNode().put("text", text);
        terms.set("recipients", JSON.valueToTree(List.of("Acme")));
        return terms;
    }

    private void assertRefusalLogged(long before) {
        assertThat(fixture.ledgerSize()).isEqualTo(before + 1);
        assertThat(lastEntry().action()).isEqualTo(Action.REQUEST_REFUSED);
    }

    private LedgerEntry lastEntry() {
        return fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r ->
                        r.ledger().entries(r.ledger().size() - 1, r.ledger().size()))
                .getFirst();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("code").asText()).isEqualTo(code);
    }
}
