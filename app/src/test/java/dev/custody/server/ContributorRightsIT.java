package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.Bytes;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.audit.PublishedKeys;
import dev.custody.audit.ReceiptCheck;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Action;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.ErasureCause;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.SignedReceipt;
import dev.custody.store.MetadataStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contributor's rights over HTTP, as the contributor exercises them: they sign up, their clips
 * are uploaded (through the administrator's route, for now), others open them, and they see their
 * clips with receipts, every access, their consents, and export it all; another contributor sees
 * none of it.
 */
class ContributorRightsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void everyOpeningOfMyClip_showsInItsHistory_withRoleOrganizationAndPurpose_newestFirst() throws Exception {
        var robin = signUp("robin");
        String clip = upload(robin, AccessFixture.speech(1));
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty()).account();
        fixture.services.reviewers().assign(Principal.bootstrapAdmin(), fixture.projectA.id(), reviewer.id());
        var heard = fixture.sendBytes(
                "GET", "/api/v1/clips/" + clip + "/audio?purpose=review", fixture.apiToken(reviewer), null);
        assertThat(heard.statusCode()).isEqualTo(200);
        // A client's data consumer opening the clip, as dataset exports will, logged as the custodian logs.
        var consumer =
                fixture.account(Role.DATA_CONSUMER, Optional.of(fixture.orgA)).account();
        metadata()
                .inTransaction(r -> r.ledger()
                        .append(
                                new ClipOpened(
                                        new ClipId(clip), new Pseudonym(robin.pseudonym()), fixture.projectA.id()),
                                consumer.principal("req_consumer").actor(),
                                "asr-training",
                                "req_consumer",
                                fixture.clock.instant()));

        JsonNode items = get(robin, "/api/v1/me/clips/" + clip + "/history").get("items");

        assertThat(rows(items))
                .containsExactly(
                        "CLIP_OPENED DATA_CONSUMER Acme asr-training",
                        "CLIP_OPEN_ENDED REVIEWER - review DELIVERED",
                        "CLIP_OPENED REVIEWER - review",
                        "CLIP_INGESTED BOOTSTRAP_ADMIN - ingest");
        assertThat(items.get(1).get("requestId").asText())
                .isEqualTo(items.get(2).get("requestId").asText())
                .isEqualTo(heard.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(items.get(0).at("/organization/id").asText()).isEqualTo(fixture.orgA.value());
        for (JsonNode item : items) {
            assertThat(item.get("byYou").asBoolean()).isFalse();
            assertThat(item.get("subjects").toString()).contains(clip);
            assertIsTheLogsEntry(item);
        }
    }

    @Test
    void anOpeningRefusedForTampering_showsItsOutcomeInMyHistory_andTheSecurityOfficerSeesTheAlarm() throws Exception {
        var robin = signUp("robin");
        String clip = upload(robin, AccessFixture.speech(3));
        try (Stream<Path> blobs =
                Files.walk(temp.resolve("data").resolve("blobs").resolve("objects"))) {
            for (Path blob : blobs.filter(Files::isRegularFile).toList()) {
                Files.delete(blob);
            }
        }
        var reviewer = fixture.account(Role.REVIEWER, Optional.empty()).account();
        fixture.services.reviewers().assign(Principal.bootstrapAdmin(), fixture.projectA.id(), reviewer.id());

        var refused = fixture.sendBytes(
                "GET", "/api/v1/clips/" + clip + "/audio?purpose=review", fixture.apiToken(reviewer), null);

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("INTEGRITY_FAILURE");
        JsonNode items = get(robin, "/api/v1/me/clips/" + clip + "/history").get("items");
        assertThat(rows(items))
                .containsExactly(
                        "CLIP_OPEN_ENDED REVIEWER - review INTEGRITY_FAILURE",
                        "INTEGRITY_FAILED REVIEWER - integrity",
                        "CLIP_OPENED REVIEWER - review",
                        "CLIP_INGESTED BOOTSTRAP_ADMIN - ingest");
        var officer = fixture.account(Role.SECURITY_OFFICER, Optional.empty()).account();
        var alarms = fixture.send("GET", "/api/v1/integrity-failures", fixture.apiToken(officer), null);
        assertThat(alarms.statusCode()).as(alarms.body()).isEqualTo(200);
        JsonNode alarm = JSON.readTree(alarms.body()).get("items").get(0);
        assertThat(alarm.get("check").asText()).isEqualTo("blob-missing");
        assertThat(alarm.get("about").toString()).contains(clip, robin.pseudonym());
        assertThat(alarm.get("requestId").asText())
                .isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
        assertIsTheLogsEntry(alarm);
    }

    @Test
    void myHistory_isPagedNewestFirst_andMyConsentsAreListed() throws Exception {
        var robin = signUp("robin");
        String first = upload(robin, AccessFixture.speech(1));
        String second = upload(robin, AccessFixture.speech(2));

        JsonNode page = get(robin, "/api/v1/me/history?limit=2");
        JsonNode rest = get(
                robin, "/api/v1/me/history?limit=2&before=" + page.get("next").asLong());

        assertThat(rows(page.get("items")))
                .containsExactly("CLIP_INGESTED BOOTSTRAP_ADMIN - ingest", "CLIP_INGESTED BOOTSTRAP_ADMIN - ingest");
        assertThat(page.get("items").get(0).get("subjects").toString()).contains(second);
        assertThat(page.get("items").get(1).get("subjects").toString()).contains(first);
        assertThat(page.get("next").asLong())
                .isEqualTo(page.get("items").get(1).get("index").asLong());
        assertThat(rows(rest.get("items"))).containsExactly("CONSENT_GIVEN CONTRIBUTOR - consent");
        assertThat(rest.get("next").isNull()).isTrue();
        JsonNode consents = get(robin, "/api/v1/me/consents");
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).get("project").asText())
                .isEqualTo(fixture.projectA.id().value());
        assertThat(consents.get(0).get("termsVersion").asInt()).isEqualTo(1);
    }

    @Test
    void myClips_carryTheirMetadata_andReceiptsThatVerifyOfflineLikeTheOneGivenAtUpload() throws Exception {
        var robin = signUp("robin");
        byte[] audio = AccessFixture.speech(3);
        JsonNode uploaded = uploadResponse(robin, audio);
        String clip = uploaded.at("/clip/id").asText();
        var atUpload =
                ReceiptCheck.verify(SignedReceipt.parse(uploaded.get("receipt").asText()), keys());

        JsonNode clips = get(robin, "/api/v1/me/clips");
        var listed = SignedReceipt.parse(clips.get(0).get("receipt").asText());
        var alone = SignedReceipt.parse(text(robin, "/api/v1/me/clips/" + clip + "/receipt"));

        assertThat(clips).hasSize(1);
        JsonNode metadata = clips.get(0).get("clip");
        assertThat(metadata.get("id").asText()).isEqualTo(clip);
        assertThat(metadata.get("project").asText())
                .isEqualTo(fixture.projectA.id().value());
        assertThat(metadata.get("promptIndex").asInt()).isZero();
        assertThat(metadata.get("durationMillis").asLong()).isEqualTo(2000);
        assertThat(metadata.get("container").asText()).isEqualTo("WAV");
        assertThat(metadata.get("state").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(metadata.at("/quality/snrDb").isNumber()).isTrue();
        for (SignedReceipt receipt : List.of(listed, alone)) {
            assertThat(ReceiptCheck.verify(receipt, keys())).isEqualTo(atUpload);
            assertThat(receipt.receipt().audioSha256()).isEqualTo(Sha256.of(audio));
            assertThat(receipt.receipt().contributor().value()).isEqualTo(robin.pseudonym());
            assertThat(receipt.receipt().consentTermsVersion()).isEqualTo(1);
        }
        assertThat(get(robin, "/api/v1/me/clips/" + clip).at("/clip/id").asText())
                .isEqualTo(clip);
    }

    @Test
    void export_isOneZip_withMyRecordingsAsUploaded_metadataConsentsReceiptsAndHistory_erasedClipsListedOnly()
            throws Exception {
        var robin = signUp("robin");
        byte[] kept = AccessFixture.speech(4);
        String keptClip = upload(robin, kept);
        String erasedClip = upload(robin, AccessFixture.speech(5));
        fixture.services
                .erasure()
                .inErasingTransaction(
                        Principal.bootstrapAdmin(),
                        "retention",
                        fixture.clock.instant(),
                        (r, erase) -> erase.clip(new ClipId(erasedClip), ErasureCause.RETENTION_EXPIRED));

        var response = fixture.sendBytes("GET", "/api/v1/me/export", robin.token(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, byte[]> files = unzip(response.body());
        assertThat(files.keySet().iterator().next()).isEqualTo("README.txt");
        assertThat(files)
                .containsOnlyKeys(
                        "README.txt",
                        "recordings/" + keptClip + ".wav",
                        "receipts/" + keptClip + ".receipt",
                        "receipts/" + erasedClip + ".receipt",
                        "clips.json",
                        "consents.json",
                        "earnings.json",
                        "access-history.json");
        assertThat(files.get("recordings/" + keptClip + ".wav")).isEqualTo(kept);
        for (String clip : List.of(keptClip, erasedClip)) {
            var receipt =
                    SignedReceipt.parse(new String(files.get("receipts/" + clip + ".receipt"), StandardCharsets.UTF_8));
            assertThat(ReceiptCheck.verify(receipt, keys()).subjects().toString())
                    .contains(clip);
        }
        JsonNode clips = JSON.readTree(files.get("clips.json"));
        assertThat(clips).hasSize(2);
        assertThat(clips.get(0).at("/clip/id").asText()).isEqualTo(keptClip);
        assertThat(clips.get(0).get("recording").asText()).isEqualTo("recordings/" + keptClip + ".wav");
        assertThat(clips.get(1).at("/clip/state").asText()).isEqualTo("ERASED");
        assertThat(clips.get(1).get("recording").isNull()).isTrue();
        assertThat(clips.get(1).get("receipt").asText()).isEqualTo("receipts/" + erasedClip + ".receipt");
        JsonNode consents = JSON.readTree(files.get("consents.json"));
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).get("project").asText())
                .isEqualTo(fixture.projectA.id().value());
        JsonNode earnings = JSON.readTree(files.get("earnings.json"));
        assertThat(earnings.get("contributor").asText()).isEqualTo(robin.pseudonym());
        assertThat(earnings.get("currencies")).isEmpty();
        JsonNode history = JSON.readTree(files.get("access-history.json"));
        assertThat(history.get("contributor").asText()).isEqualTo(robin.pseudonym());
        assertThat(rows(history.get("entries")))
                .containsExactly(
                        "CLIP_OPEN_ENDED CONTRIBUTOR - portability DELIVERED",
                        "CLIP_OPENED CONTRIBUTOR - portability",
                        "CLIP_ERASED BOOTSTRAP_ADMIN - retention",
                        "CLIP_INGESTED BOOTSTRAP_ADMIN - ingest",
                        "CLIP_INGESTED BOOTSTRAP_ADMIN - ingest",
                        "CONSENT_GIVEN CONTRIBUTOR - consent");
        JsonNode export = history.get("entries").get(0);
        assertThat(export.get("byYou").asBoolean()).isTrue();
        assertThat(export.get("subjects").toString()).contains(keptClip);
        assertIsTheLogsEntry(export);
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("custody verify receipt");
    }

    @Test
    void anExportThatFailsHalfway_isCutOff_notEndedAsIfWhole() throws Exception {
        var robin = signUp("robin");
        upload(robin, AccessFixture.speech(8));
        upload(robin, AccessFixture.speech(9));
        // The second recording the export opens is gone: the first is already on its way.
        String second = get(robin, "/api/v1/me/clips").get(1).at("/clip/id").asText();
        String blob = metadata()
                .inReadTransaction(r -> r.clips().find(new ClipId(second)))
                .orElseThrow()
                .blob()
                .value();
        Files.delete(
                temp.resolve("data/blobs/objects").resolve(blob.substring(4, 6)).resolve(blob));

        assertThatThrownBy(() -> fixture.sendBytes("GET", "/api/v1/me/export", robin.token(), null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void afterErasure_myAccountIsClosed_andOnlyMyPasswordOrTokenLearnsWhen() throws Exception {
        var robin = signUp("robin");
        var sam = signUp("sam");
        upload(robin, AccessFixture.speech(6));
        for (var contributor : List.of(robin, sam)) {
            var erased = fixture.send(
                    "DELETE", "/api/v1/contributors/" + contributor.pseudonym(), fixture.bootstrapToken, null);
            assertThat(erased.statusCode()).isEqualTo(200);
        }
        String told = "your account was erased on 2026-03-01";

        // Robin's next request with a token closes the account; Sam's next sign-in does.
        var robinsRequest = fixture.send("GET", "/api/v1/me/clips", robin.token(), null);
        var robinsNextRequest = fixture.send("GET", "/api/v1/me/clips", robin.token(), null);
        var samsSignIn = fixture.signIn("sam", AccessFixture.PASSWORD, null);
        var samsOldToken = fixture.send("GET", "/api/v1/me/clips", sam.token(), null);

        assertThat(robinsRequest.statusCode()).isEqualTo(410);
        assertThat(json(robinsRequest).get("code").asText()).isEqualTo("ERASED");
        assertThat(json(robinsRequest).get("message").asText()).startsWith(told);
        assertThat(robinsNextRequest.statusCode()).as("its tokens are revoked").isEqualTo(401);
        assertThat(samsSignIn.statusCode()).isEqualTo(410);
        assertThat(json(samsSignIn).get("message").asText()).startsWith(told);
        assertThat(samsOldToken.statusCode()).isEqualTo(401);
        for (String username : List.of("robin", "sam")) {
            assertThat(metadata()
                            .inReadTransaction(r -> r.accounts().findByUsername(new Username(username)))
                            .orElseThrow()
                            .disabled())
                    .as(username)
                    .isTrue();
            var wrongPassword = fixture.signIn(username, "not the password of " + username, null);
            var rightPassword = fixture.signIn(username, AccessFixture.PASSWORD, null);
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(wrongPassword.body()).contains("sign-in failed").doesNotContain("erased");
            assertThat(rightPassword.statusCode()).isEqualTo(410);
            assertThat(json(rightPassword).get("message").asText()).startsWith(told);
        }
        List<LedgerEntry> closings = metadata()
                .inTransaction(r -> r.ledger().entries(0, r.ledger().size()))
                .stream()
                .filter(entry -> entry.action() == Action.ACCOUNT_CHANGED
                        && entry.purpose().equals("erasure"))
                .toList();
        assertThat(closings).hasSize(2);
    }

    @Test
    void anotherContributor_isRefusedMyClipReceiptAndHistory_learnsNothing_andEachRefusalIsLogged() throws Exception {
        var robin = signUp("robin");
        String clip = upload(robin, AccessFixture.speech(7));
        var sam = signUp("sam");
        String nowhere = ClipId.random().value();

        for (String path : List.of(
                "/api/v1/me/clips/" + clip,
                "/api/v1/me/clips/" + clip + "/receipt",
                "/api/v1/me/clips/" + clip + "/history",
                "/api/v1/me/clips/" + nowhere + "/history")) {
            long before = ledgerSize();

            var response = fixture.send("GET", path, sam.token(), null);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(json(response).get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(response.body()).doesNotContain(clip).doesNotContain(robin.pseudonym());
            List<LedgerEntry> logged = metadata()
                    .inTransaction(r -> r.ledger().entries(before, r.ledger().size()));
            assertThat(logged).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(Action.PERMISSION_CHANGED);
                assertThat(entry.actor().id()).isEqualTo(sam.pseudonym());
                assertThat(entry.purpose()).isEqualTo("authorization");
            });
        }
        assertThat(get(sam, "/api/v1/me/clips")).isEmpty();
        assertThat(get(sam, "/api/v1/me/history").toString()).doesNotContain(clip);
        assertThat(unzip(fixture.sendBytes("GET", "/api/v1/me/export", sam.token(), null)
                                .body())
                        .keySet())
                .noneMatch(name -> name.contains(clip));
    }

    @Test
    void malformedPagesAndClipIds_getAClearError() throws Exception {
        var robin = signUp("robin");

        for (String path : List.of(
                "/api/v1/me/history?limit=0",
                "/api/v1/me/history?limit=501",
                "/api/v1/me/history?limit=x",
                "/api/v1/me/history?before=-1",
                "/api/v1/me/clips/not-a-clip/history")) {
            var response = fixture.send("GET", path, robin.token(), null);
            assertThat(response.statusCode()).as(path).isEqualTo(422);
            assertThat(json(response).get("code").asText()).isEqualTo("INVALID_INPUT");
        }
    }

    private record Contributor(String pseudonym, String token) {}

    /** Signs up over HTTP, signs in, and is given consent to project A's terms (by the administrator, for now). */
    private Contributor signUp(String username) throws Exception {
        var body = JSON.createObjectNode()
                .put("username", username)
                .put("password", AccessFixture.PASSWORD)
                .put("name", "Robin Example")
                .put("email", username + "@example.org");
        var signedUp = fixture.send("POST", "/api/v1/sign-up", null, body.toString());
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
        String pseudonym = json(signedUp).get("pseudonym").asText();
        String token = json(fixture.signIn(username, AccessFixture.PASSWORD, null))
                .get("token")
                .asText();
        var consent = fixture.send(
                "POST",
                "/api/v1/me/consents",
                token,
                JSON.createObjectNode()
                        .put("project", fixture.projectA.id().value())
                        .put("termsVersion", 1)
                        .put("termsSha256", termsHash(token))
                        .put("typedName", "Rita Example")
                        .put("agreed", true)
                        .toString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        return new Contributor(pseudonym, token);
    }

    private String termsHash(String token) throws Exception {
        var terms =
                fixture.send("GET", "/api/v1/projects/" + fixture.projectA.id().value() + "/terms", token, null);
        assertThat(terms.statusCode()).as(terms.body()).isEqualTo(200);
        return JSON.readTree(terms.body()).get("sha256").asText();
    }

    private String upload(Contributor contributor, byte[] audio) throws Exception {
        return uploadResponse(contributor, audio).at("/clip/id").asText();
    }

    private JsonNode uploadResponse(Contributor contributor, byte[] audio) throws Exception {
        var response = fixture.sendBytes(
                "POST",
                "/api/v1/projects/" + fixture.projectA.id().value() + "/clips?contributor=" + contributor.pseudonym()
                        + "&prompt=0",
                fixture.bootstrapToken,
                audio);
        assertThat(response.statusCode()).isEqualTo(201);
        // Clips are listed by the time they were received: give each its own.
        fixture.clock.advance(Duration.ofSeconds(1));
        return JSON.readTree(response.body());
    }

    private JsonNode get(Contributor contributor, String path) throws Exception {
        var response = fixture.send("GET", path, contributor.token(), null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private String text(Contributor contributor, String path) throws Exception {
        HttpResponse<String> response = fixture.send("GET", path, contributor.token(), null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private PublishedKeys keys() throws Exception {
        return PublishedKeys.parse(
                fixture.send("GET", LedgerRoutes.KEYS_PATH, null, null).body());
    }

    /** "ACTION ROLE ORGANIZATION-NAME PURPOSE" per history item, in order. */
    private static List<String> rows(JsonNode items) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode organization = item.get("organization");
            rows.add(item.get("action").asText() + " " + item.get("actorRole").asText() + " "
                    + (organization.isNull() ? "-" : organization.get("name").asText()) + " "
                    + item.get("purpose").asText()
                    + (item.get("outcome").isNull()
                            ? ""
                            : " " + item.get("outcome").asText()));
        }
        return rows;
    }

    /** The item's bytes are exactly the log's entry at its index. */
    private void assertIsTheLogsEntry(JsonNode item) {
        long index = item.get("index").asLong();
        Bytes encoded = Bytes.fromBase64(item.get("encoded").asText());
        Bytes stored = metadata()
                .inTransaction(r -> r.ledger().storedEntries(index, 1))
                .getFirst()
                .bytes();
        assertThat(encoded).isEqualTo(stored);
        assertThat(LedgerEntryCodec.decode(encoded).index()).isEqualTo(index);
    }

    /** The archive's files, in archive order. */
    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private long ledgerSize() {
        return metadata().inTransaction(r -> r.ledger().size());
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }
}
