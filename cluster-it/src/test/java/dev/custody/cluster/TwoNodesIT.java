package dev.custody.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.access.SignIn;
import dev.custody.access.SignInThrottle;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.testkit.CustodyProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code custody serve} processes on one PostgreSQL and one bucket, sharing one keyring
 * file and passphrase, ingesting, reading and erasing at the same time.
 */
class TwoNodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPHRASE = "a passphrase both nodes share, for this test only";
    private static final int KEPT_CONTRIBUTORS = 4;
    private static final int CLIPS_EACH = 4;

    @TempDir
    Path temp;

    @Test
    void twoNodes_loseNothing_duplicateNothing_seeEachOthersErasures_andThrottleSignInsTogether() throws Exception {
        try (var backends = SharedBackends.start()) {
            Path config = backends.writeConfig(temp);
            Map<String, String> env = backends.secrets(PASSPHRASE);
            String token;
            try (var init = CustodyProcess.start(env, "init", "--config", config.toString())) {
                var result = init.finish();
                assertThat(result.exitStatus()).as(result.output()).isZero();
                token = CustodyProcess.firstStartSecret(result.output(), "Bootstrap admin token");
            }
            try (var a = CustodyProcess.start(env, "serve", "--config", config.toString(), "--port", "0");
                    var b = CustodyProcess.start(env, "serve", "--config", config.toString(), "--port", "0")) {
                var nodeA = new Node(a.awaitLine("listening on").replaceAll(".*listening on ", ""), token);
                var nodeB = new Node(b.awaitLine("listening on").replaceAll(".*listening on ", ""), token);
                run(backends, nodeA, nodeB);
                sprayAcross(nodeA, nodeB);
            }
        }
    }

    private void run(SharedBackends backends, Node a, Node b) throws Exception {
        String org = a.post("organizations", "{\"name\":\"Acme\"}").get("id").asText();
        String project = b.post(
                        "organizations/" + org + "/projects",
                        "{\"name\":\"Read\",\"prompts\":[\"One.\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}")
                .get("id")
                .asText();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < KEPT_CONTRIBUTORS; i++) {
            kept.add(contributor(i % 2 == 0 ? a : b, project, "kept" + i));
        }
        String erased = contributor(a, project, "erased");
        List<String> erasedClips =
                List.of(a.upload(project, erased, speech(900)), b.upload(project, erased, speech(901)));

        // Every node ingests for every kept contributor while B erases the other one and A reads.
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < kept.size(); c++) {
                for (int n = 0; n < CLIPS_EACH; n++) {
                    Node node = (c + n) % 2 == 0 ? a : b;
                    String contributor = kept.get(c);
                    byte[] audio = speech(c * 100L + n);
                    work.add(executor.submit(() -> {
                        acknowledged.put(node.upload(project, contributor, audio), audio);
                        return null;
                    }));
                }
            }
            work.add(executor.submit(() -> {
                b.erase(erased);
                return null;
            }));
            work.add(executor.submit(() -> a.get("contributors/" + kept.getFirst() + "/clips")));
            for (Future<?> task : work) {
                task.get();
            }
        }

        assertThat(acknowledged).hasSize(KEPT_CONTRIBUTORS * CLIPS_EACH);
        for (Node node : List.of(a, b)) {
            for (var clip : acknowledged.entrySet()) {
                assertThat(node.audio(clip.getKey()).body())
                        .as("clip %s", clip.getKey())
                        .isEqualTo(clip.getValue());
            }
            List<String> listed = new ArrayList<>();
            for (String contributor : kept) {
                node.get("contributors/" + contributor + "/clips")
                        .forEach(clip -> listed.add(clip.get("id").asText()));
            }
            assertThat(listed)
                    .as("no clip lost or listed twice")
                    .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
            for (String clip : erasedClips) {
                assertThat(node.audio(clip).statusCode())
                        .as("erased clip %s", clip)
                        .isEqualTo(410);
            }
        }
        // The project's canary is one clip more, stored and logged as any other.
        awaitObjectCount(backends, acknowledged.size() + 1);
        assertOneLinearLedger(a, b, acknowledged.size() + erasedClips.size() + 1);
    }

    /**
     * Failed sign-ins from one address count together on both nodes (the counts live in the shared
     * database): half on each reach the limit, and then both refuse even the right password.
     */
    private static void sprayAcross(Node a, Node b) throws Exception {
        String password = "violet kettle under the stairs";
        a.post("accounts", "{\"username\":\"spray-target\",\"password\":\"" + password + "\",\"role\":\"auditor\"}");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            // The real account gets fewer failures than its own lock-out needs; the rest name no one.
            String username = i < SignIn.MAX_FAILURES - 1 ? "spray-target" : "nobody-" + i;
            var failed = (i % 2 == 0 ? a : b).signIn(username, "Winter2026!" + i);
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(401);
        }

        for (Node node : List.of(a, b)) {
            var refused = node.signIn("spray-target", password);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /**
     * Both nodes appended to one log: its indexes run without gap or repeat, every ingest is in it
     * once, checkpoints signed by either node are consistent, and its export verifies.
     */
    private static void assertOneLinearLedger(Node a, Node b, int ingested) throws Exception {
        var keys = dev.custody.audit.PublishedKeys.parse(a.text("/.well-known/custody/keys"));
        assertThat(b.text("/.well-known/custody/keys")).isEqualTo(keys.toText());
        var verifier = dev.custody.ledger.CheckpointVerifier.of(keys.ledger());
        var fromA = dev.custody.ledger.Checkpoint.parse(a.postText("ledger/checkpoint"));
        var fromB = dev.custody.ledger.Checkpoint.parse(b.postText("ledger/checkpoint"));
        verifier.verify(fromA);
        verifier.verify(fromB);
        assertThat(fromB.size()).isGreaterThanOrEqualTo(fromA.size());
        JsonNode proof = b.get("ledger/proofs/consistency?from=" + fromA.size() + "&to=" + fromB.size());
        List<dev.custody.Bytes> hashes = new ArrayList<>();
        proof.get("hashes").forEach(h -> hashes.add(dev.custody.Bytes.fromHex(h.asText())));
        new dev.custody.ledger.ConsistencyProof(fromA.size(), fromB.size(), hashes)
                .verify(fromA.rootHash(), fromB.rootHash());

        JsonNode entries = a.get("ledger/entries?from=0&to=" + fromB.size());
        assertThat(entries).hasSize((int) fromB.size());
        int ingests = 0;
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("index").asLong()).isEqualTo(i);
            if (entries.get(i).get("action").asText().equals("CLIP_INGESTED")) {
                ingests++;
            }
        }
        assertThat(ingests).as("every acknowledged ingest logged once").isEqualTo(ingested);
        try (var export = a.stream("ledger/export")) {
            var result = dev.custody.ledger.LedgerVerifier.of(keys.ledger())
                    .verify(dev.custody.ledger.LedgerExportReader.open(export));
            assertThat(result).isInstanceOf(dev.custody.ledger.LedgerVerification.Verified.class);
        }
    }

    /** The reaper, run by one node at a time, deletes the erased contributor's objects. */
    private static void awaitObjectCount(SharedBackends backends, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (backends.objectCount() != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(backends.objectCount()).as("objects left in the bucket").isEqualTo(expected);
    }

    private static String contributor(Node node, String project, String name) throws Exception {
        String pseudonym = node.post(
                        "contributors", "{\"name\":\"" + name + "\",\"email\":\"" + name + "@example.org\"}")
                .get("pseudonym")
                .asText();
        String termsHash =
                node.get("projects/" + project + "/terms").get("sha256").asText();
        node.post(
                "contributors/" + pseudonym + "/consents",
                "{\"project\":\"" + project + "\",\"termsVersion\":1,\"termsSha256\":\"" + termsHash
                        + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"Wendy Witness\"}");
        return pseudonym;
    }

    private static byte[] speech(long seed) {
        return WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(1), 16_000, seed), 16_000, 1, SampleEncoding.PCM_16);
    }

    /** One node's HTTP API. */
    private record Node(String url, String token) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        JsonNode post(String path, String body) throws Exception {
            return expect(201, send(request(path).POST(BodyPublishers.ofString(body))));
        }

        String upload(String project, String contributor, byte[] audio) throws Exception {
            var response = send(request("projects/" + project + "/clips?contributor=" + contributor + "&prompt=0")
                    .POST(BodyPublishers.ofByteArray(audio)));
            return expect(201, response).get("clip").get("id").asText();
        }

        JsonNode get(String path) throws Exception {
            return expect(200, send(request(path).GET()));
        }

        void erase(String contributor) throws Exception {
            expect(200, send(request("contributors/" + contributor).DELETE()));
        }

        String text(String absolutePath) throws Exception {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + absolutePath.substring(1)))
                            .GET()
                            .build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        String postText(String path) throws Exception {
            var response = send(request(path).POST(BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        java.io.InputStream stream(String path) throws Exception {
            return HTTP.send(request(path).GET().build(), BodyHandlers.ofInputStream())
                    .body();
        }

        HttpResponse<byte[]> audio(String clip) throws Exception {
            return HTTP.send(
                    request("clips/" + clip + "/audio?purpose=quality-check")
                            .GET()
                            .build(),
                    BodyHandlers.ofByteArray());
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            String body = JSON.createObjectNode()
                    .put("username", username)
                    .put("password", password)
                    .toString();
            return send(
                    HttpRequest.newBuilder(URI.create(url + "api/v1/sessions")).POST(BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(url + "api/v1/" + path))
                    .header("Authorization", "Bearer " + token);
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        }

        private static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return JSON.readTree(response.body());
        }
    }
}
