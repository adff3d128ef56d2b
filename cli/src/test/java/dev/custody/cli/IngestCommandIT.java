package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.testkit.CustodyProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void ingestFolder_summarizesAcceptedAndRejectedByReason_thenEraseDestroysThem() throws Exception {
        Path data = temp.resolve("data");
        var env = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");
        String project;
        String contributor;
        try (var server = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            String token = CustodyProcess.firstStartSecret(
                    server.awaitLine(CustodyProcess.FIRST_START_FILE), "Bootstrap admin token");
            String url = server.awaitLine("listening on").replaceAll(".*listening on ", "");
            var api = new Api(url, token);
            String org = api.post("organizations", "{\"name\":\"Acme\"}", "id");
            project = api.post(
                    "organizations/" + org + "/projects",
                    "{\"name\":\"Read\",\"prompts\":[\"One.\",\"Two.\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}",
                    "id");
            contributor = api.post("contributors", "{\"name\":\"Fay\",\"email\":\"fay@example.org\"}", "pseudonym");
            String termsHash = api.get("projects/" + project + "/terms", "sha256");
            api.post(
                    "contributors/" + contributor + "/consents",
                    "{\"project\":\"" + project + "\",\"termsVersion\":1,\"termsSha256\":\"" + termsHash
                            + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"Wendy Witness\"}",
                    "id");
        }

        Path folder = Files.createDirectories(temp.resolve("clips"));
        for (int i = 0; i < 3; i++) {
            float[] speech = SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, i);
            Files.write(
                    folder.resolve(i % 2 + "_take" + i + ".wav"),
                    WavEncoder.encode(speech, 16_000, 1, SampleEncoding.PCM_16));
        }
        Files.writeString(folder.resolve("notes.txt"), "not audio");
        Files.write(
                folder.resolve("silence.wav"), WavEncoder.encode(new float[32_000], 16_000, 1, SampleEncoding.PCM_16));

        try (var ingest = CustodyProcess.start(
                env,
                "ingest",
                folder.toString(),
                "--data",
                data.toString(),
                "--project",
                project,
                "--contributor",
                contributor)) {
            var result = ingest.finish();
            assertThat(result.output())
                    .contains("5 files: 3 accepted, 2 rejected")
                    .containsPattern("AUDIO_SILENT +1")
                    .containsPattern("AUDIO_UNSUPPORTED_FORMAT +1");
            assertThat(result.exitStatus()).isEqualTo(4);
        }
        // A re-run, as after an interrupted ingest: each file's key finds its clip, nothing is stored twice.
        try (var again = CustodyProcess.start(
                env,
                "ingest",
                folder.toString(),
                "--data",
                data.toString(),
                "--project",
                project,
                "--contributor",
                contributor)) {
            var result = again.finish();
            assertThat(result.output())
                    .contains("5 files: 3 accepted, 2 rejected")
                    .contains("3 of the accepted were recorded by an earlier run");
        }
        try (var erase = CustodyProcess.start(env, "erase", "--data", data.toString(), "--contributor", contributor)) {
            var result = erase.finish();
            assertThat(result.exitStatus()).as(result.output()).isZero();
            assertThat(result.output()).contains("3 clips unreadable, their blobs deleted");
        }
    }

    private record Api(String url, String token) {
        String post(String path, String body, String field) throws Exception {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "api/v1/" + path))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body()).get(field).asText();
        }

        String get(String path, String field) throws Exception {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "api/v1/" + path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).get(field).asText();
        }
    }
}
