package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.server.ApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    SpineFixture fixture;
    ApiServer server;
    HttpClient http = HttpClient.newHttpClient();
    String token;

    @BeforeEach
    void start() {
        fixture = new SpineFixture(temp.resolve("data"));
        token = fixture.installation.bootstrapToken().orElseThrow();
        server = ApiServer.start("127.0.0.1", 0, fixture.services);
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    @Test
    void healthAndReadiness_answerWithoutAToken() throws Exception {
        assertThat(send("GET", "/healthz", null, BodyPublishers.noBody(), null).statusCode())
                .isEqualTo(200);
        var ready = send("GET", "/readyz", null, BodyPublishers.noBody(), null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).at("/checks/keys").asBoolean()).isTrue();
    }

    @Test
    void api_refusesMissingAndForgedTokens() throws Exception {
        var missing = send("POST", "/api/v1/organizations", null, BodyPublishers.ofString("{\"name\":\"x\"}"), null);
        var forged =
                send("POST", "/api/v1/organizations", "cst_forged", BodyPublishers.ofString("{\"name\":\"x\"}"), null);

        assertError(missing, 401, "UNAUTHENTICATED");
        assertError(forged, 401, "UNAUTHENTICATED");
    }

    @Test
    void createProject_importsCsvPrompts_andShowsTheCommission() throws Exception {
        String org = json(post("/api/v1/organizations", "{\"name\":\"Acme\"}", 201))
                .get("id")
                .asText();
        String body = "{\"name\":\"Read\",\"promptsCsv\":\"prompt\\n\\\"Hello, world.\\\"\\nBye.\\n\","
                + "\"consentTermsVersion\":1,\"retentionDays\":365,\"language\":\"en-GB\",\"targetClips\":5000,"
                + "\"clipsPerPrompt\":2,\"reviewCount\":2,\"payPerAcceptedClip\":\"0.35\",\"currency\":\"GBP\","
                + "\"purposesAllowed\":[\"asr-training\",\"evaluation\"],\"purposesForbidden\":[\"voice-cloning\"]}";

        JsonNode project = json(post("/api/v1/organizations/" + org + "/projects", body, 201));

        assertThat(project.get("prompts").toString()).isEqualTo("[\"Hello, world.\",\"Bye.\"]");
        assertThat(project.get("payPerAcceptedClip").asText()).isEqualTo("0.35");
        assertThat(project.get("currency").asText()).isEqualTo("GBP");
        assertThat(project.get("reviewCount").asInt()).isEqualTo(2);
        assertThat(project.get("purposesAllowed").toString()).isEqualTo("[\"asr-training\",\"evaluation\"]");
        assertThat(project.get("purposesForbidden").toString()).isEqualTo("[\"voice-cloning\"]");
        assertError(
                post("/api/v1/organizations/" + org + "/projects", body.replace("evaluation", "mind-reading"), 422),
                422,
                "INVALID_INPUT");
        assertError(
                post("/api/v1/organizations/" + org + "/projects", body.replace("\"0.35\"", "\"0.355\""), 422),
                422,
                "INVALID_INPUT");
    }

    @Test
    void fullLifecycle_createIngestReadEraseOverHttp() throws Exception {
        String org = json(post("/api/v1/organizations", "{\"name\":\"Acme\"}", 201))
                .get("id")
                .asText();
        String project = json(post(
                        "/api/v1/organizations/" + org + "/projects",
                        "{\"name\":\"Read\",\"prompts\":[\"Hello there.\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}",
                        201))
                .get("id")
                .asText();
        String contributor = json(post(
                        "/api/v1/contributors", "{\"name\":\"Dana\",\"email\":\"dana@example.org\"}", 201))
                .get("pseudonym")
                .asText();
        String termsHash = json(get("/api/v1/projects/" + project + "/terms"))
                .get("sha256")
                .asText();
        post(
                "/api/v1/contributors/" + contributor + "/consents",
                "{\"project\":\"" + project + "\",\"termsVersion\":1,\"termsSha256\":\"" + termsHash
                        + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"Wendy Witness\"}",
                201);

        byte[] audio = SpineFixture.speech(42);
        var upload = send(
                "POST",
                "/api/v1/projects/" + project + "/clips?contributor=" + contributor + "&prompt=0",
                token,
                BodyPublishers.ofByteArray(audio),
                "audio/wav");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode uploaded = json(upload);
        String clip = uploaded.at("/clip/id").asText();
        assertThat(uploaded.get("receipt").asText())
                .startsWith("custody-receipt/1\n")
                .contains(clip);

        var metadata = json(get("/api/v1/clips/" + clip));
        assertThat(metadata.get("sampleRate").asInt()).isEqualTo(16_000);
        assertThat(metadata.get("state").asText()).isEqualTo("PENDING_REVIEW");
        var audioResponse = http.send(
                request(
                        "GET",
                        "/api/v1/clips/" + clip + "/audio?purpose=quality-check",
                        token,
                        BodyPublishers.noBody(),
                        null),
                BodyHandlers.ofByteArray());
        assertThat(audioResponse.statusCode()).isEqualTo(200);
        assertThat(audioResponse.body()).isEqualTo(audio);

        var erased = send("DELETE", "/api/v1/contributors/" + contributor, token, BodyPublishers.noBody(), null);
        assertThat(json(erased).get("erasedClips").asInt()).isEqualTo(1);
        assertError(get("/api/v1/clips/" + clip + "/audio?purpose=quality-check"), 410, "ERASED");
    }

    @Test
    void badInput_getsAClearErrorCode() throws Exception {
        assertError(post("/api/v1/organizations", "{\"name\":", 422), 422, "INVALID_INPUT");
        assertError(post("/api/v1/organizations", "{\"name\":\"x\",\"extra\":1}", 422), 422, "INVALID_INPUT");
        assertError(get("/api/v1/clips/..%2F..%2Fetc%2Fpasswd"), 422, "INVALID_INPUT");
        assertError(get("/api/v1/clips/clp_aaaaaaaaaaaaaaaaaaaaaaaaaa"), 404, "NOT_FOUND");
        assertError(get("/api/v1/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void pathLikeStrings_inEveryField_areStoredAsTextOrRefusedAsIds_andTouchNoFile() throws Exception {
        String evil = "../../../../etc/passwd";
        String org = json(post("/api/v1/organizations", "{\"name\":\"" + evil + "\"}", 201))
                .get("id")
                .asText();
        JsonNode project = json(post(
                "/api/v1/organizations/" + org + "/projects",
                "{\"name\":\"" + evil + "\",\"prompts\":[\"" + evil
                        + "\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}",
                201));
        assertThat(project.get("name").asText()).isEqualTo(evil);
        assertThat(project.get("prompts").get(0).asText()).isEqualTo(evil);
        String contributor = json(post(
                        "/api/v1/contributors", "{\"name\":\"" + evil + "\",\"email\":\"x@example.org\"}", 201))
                .get("pseudonym")
                .asText();

        assertError(
                post("/api/v1/contributors", "{\"name\":\"x\",\"email\":\"" + evil + "\"}", 422), 422, "INVALID_INPUT");
        assertError(
                post(
                        "/api/v1/organizations/" + org + "%2F..%2F..%2Fx/projects",
                        "{\"name\":\"x\",\"prompts\":[\"p\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}",
                        422),
                422,
                "INVALID_INPUT");
        assertError(
                post(
                        "/api/v1/contributors/" + contributor + "/consents",
                        "{\"project\":\"" + evil + "\",\"termsVersion\":1,\"termsSha256\":\"" + "ab".repeat(32)
                                + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"W\"}",
                        422),
                422,
                "INVALID_INPUT");
        String uploadPath =
                "/api/v1/projects/" + project.get("id").asText() + "/clips?contributor=..%2F..%2Fx&prompt=0";
        assertError(
                send("POST", uploadPath, token, BodyPublishers.ofByteArray(SpineFixture.speech(1)), "audio/wav"),
                422,
                "INVALID_INPUT");
        String badPrompt = "/api/v1/projects/" + project.get("id").asText() + "/clips?contributor=" + contributor
                + "&prompt=..%2F1";
        assertError(
                send("POST", badPrompt, token, BodyPublishers.ofByteArray(SpineFixture.speech(1)), "audio/wav"),
                422,
                "INVALID_INPUT");
        assertError(
                get("/api/v1/clips/clp_aaaaaaaaaaaaaaaaaaaaaaaaaa/audio?purpose=..%2F..%2Fx"), 422, "PURPOSE_UNKNOWN");
        try (var files = java.nio.file.Files.walk(temp)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("passwd"));
        }
    }

    @Test
    void oversizeUpload_isRefusedWith413() throws Exception {
        var contributor = fixture.consentingContributor("Erin Example");
        long oversize = fixture.project.limits().maxUploadBytes() + 1;
        BodyPublisher body = BodyPublishers.ofInputStream(() -> new InputStream() {
            long left = oversize;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }
        });
        var response = send(
                "POST",
                "/api/v1/projects/" + fixture.project.id() + "/clips?contributor=" + contributor + "&prompt=0",
                token,
                body,
                "audio/wav");
        assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void ledger_servesCheckpointsProofsEntriesAndExports_thatVerifyAgainstThePublishedKeys() throws Exception {
        var keysResponse = send("GET", "/.well-known/custody/keys", null, BodyPublishers.noBody(), null);
        assertThat(keysResponse.statusCode()).isEqualTo(200);
        var keys = dev.custody.audit.PublishedKeys.parse(keysResponse.body());
        var contributor = fixture.consentingContributor("Hana Example");
        var first = dev.custody.ledger.Checkpoint.parse(
                send("POST", "/api/v1/ledger/checkpoint", token, BodyPublishers.noBody(), null)
                        .body());
        fixture.ingest(contributor, SpineFixture.speech(7));
        var latest = dev.custody.ledger.Checkpoint.parse(
                get("/api/v1/ledger/checkpoint").body());
        var verifier = dev.custody.ledger.CheckpointVerifier.of(keys.ledger());
        verifier.verify(first);
        verifier.verify(latest);
        assertThat(latest.size()).isGreaterThan(first.size());

        JsonNode consistency =
                json(get("/api/v1/ledger/proofs/consistency?from=" + first.size() + "&to=" + latest.size()));
        new dev.custody.ledger.ConsistencyProof(first.size(), latest.size(), hashes(consistency))
                .verify(first.rootHash(), latest.rootHash());

        JsonNode entries = json(get("/api/v1/ledger/entries?from=0&to=" + latest.size()));
        assertThat(entries).hasSize((int) latest.size());
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("CLIP_INGESTED");
        var leaf = dev.custody.ledger.MerkleHashes.leafHash(
                dev.custody.Bytes.fromBase64(last.get("encoded").asText()));
        JsonNode byHash = json(get("/api/v1/ledger/proofs/inclusion?hash=" + leaf.hex() + "&size=" + latest.size()));
        new dev.custody.ledger.InclusionProof(byHash.get("leafIndex").asLong(), latest.size(), hashes(byHash))
                .verify(leaf, latest.rootHash());
        assertThat(json(get("/api/v1/ledger/proofs/inclusion?index=0&size=" + latest.size()))
                        .get("leafIndex")
                        .asLong())
                .isZero();

        var export = http.send(
                request("GET", "/api/v1/ledger/export", token, BodyPublishers.noBody(), null),
                BodyHandlers.ofInputStream());
        try (InputStream in = export.body()) {
            var result = dev.custody.ledger.LedgerVerifier.of(keys.ledger())
                    .verify(dev.custody.ledger.LedgerExportReader.open(in));
            assertThat(result).isInstanceOf(dev.custody.ledger.LedgerVerification.Verified.class);
        }
        assertError(get("/api/v1/ledger/proofs/inclusion?index=0&size=999999"), 422, "INVALID_INPUT");
        assertError(get("/api/v1/ledger/proofs/inclusion?index=-1&size=1"), 422, "INVALID_INPUT");
        assertError(get("/api/v1/ledger/proofs/inclusion?hash=abcd&size=1"), 422, "INVALID_INPUT");
        assertError(
                get("/api/v1/ledger/proofs/inclusion?hash=" + "00".repeat(32) + "&size=" + latest.size()),
                404,
                "NOT_FOUND");
        assertError(
                send("GET", "/api/v1/ledger/checkpoint", null, BodyPublishers.noBody(), null), 401, "UNAUTHENTICATED");
    }

    private static java.util.List<dev.custody.Bytes> hashes(JsonNode proof) {
        var hashes = new java.util.ArrayList<dev.custody.Bytes>();
        proof.get("hashes").forEach(h -> hashes.add(dev.custody.Bytes.fromHex(h.asText())));
        return hashes;
    }

    private HttpResponse<String> post(String path, String body, int expectedStatus) throws Exception {
        var response = send("POST", path, token, BodyPublishers.ofString(body), "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, token, BodyPublishers.noBody(), null);
    }

    private HttpResponse<String> send(String method, String path, String bearer, BodyPublisher body, String type)
            throws IOException, InterruptedException {
        return http.send(request(method, path, bearer, body, type), BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String bearer, BodyPublisher body, String type) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (type != null) {
            builder.header("Content-Type", type);
        }
        return builder.build();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
