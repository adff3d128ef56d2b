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
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerVerifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void receiptsAndExports_verifyOffline_andTamperingIsReportedAtTheFirstBadIndex() throws Exception {
        Path data = temp.resolve("data");
        var env = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");
        Path receipt = temp.resolve("clip.receipt");
        Path keys = temp.resolve("keys.txt");
        try (var server = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            String token = CustodyProcess.firstStartSecret(
                    server.awaitLine(CustodyProcess.FIRST_START_FILE), "Bootstrap admin token");
            String url = server.awaitLine("listening on").replaceAll(".*listening on ", "");
            var http = HttpClient.newHttpClient();
            String org = post(http, url, token, "organizations", "{\"name\":\"Acme\"}")
                    .get("id")
                    .asText();
            String project = post(
                            http,
                            url,
                            token,
                            "organizations/" + org + "/projects",
                            "{\"name\":\"Read\",\"prompts\":[\"One.\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}")
                    .get("id")
                    .asText();
            String contributor = post(
                            http, url, token, "contributors", "{\"name\":\"Gil\",\"email\":\"gil@example.org\"}")
                    .get("pseudonym")
                    .asText();
            String termsHash = JSON.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(url + "api/v1/projects/" + project + "/terms"))
                                            .header("Authorization", "Bearer " + token)
                                            .GET()
                                            .build(),
                                    BodyHandlers.ofString())
                            .body())
                    .get("sha256")
                    .asText();
            post(
                    http,
                    url,
                    token,
                    "contributors/" + contributor + "/consents",
                    "{\"project\":\"" + project + "\",\"termsVersion\":1,\"termsSha256\":\"" + termsHash
                            + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"Wendy Witness\"}");
            byte[] wav = WavEncoder.encode(
                    SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 9), 16_000, 1, SampleEncoding.PCM_16);
            var uploaded = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(url + "api/v1/projects/" + project + "/clips?contributor="
                                            + contributor + "&prompt=0"))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(wav))
                                    .build(),
                            BodyHandlers.ofString())
                    .body());
            Files.writeString(receipt, uploaded.get("receipt").asText());
            String published = http.send(
                            HttpRequest.newBuilder(URI.create(url + ".well-known/custody/keys"))
                                    .build(),
                            BodyHandlers.ofString())
                    .body();
            Files.writeString(keys, published);
        }

        assertThat(run(env, "verify", "receipt", receipt.toString(), "--keys", keys.toString())
                        .output())
                .contains("Receipt verified");
        String forged = Files.readString(receipt).replaceFirst("prompt-index 0", "prompt-index 1");
        Path forgedReceipt = temp.resolve("forged.receipt");
        Files.writeString(forgedReceipt, forged);
        var refused = run(env, "verify", "receipt", forgedReceipt.toString(), "--keys", keys.toString());
        assertThat(refused.exitStatus()).isEqualTo(10);
        assertThat(refused.output()).contains("the receipt's signature does not verify");

        Path export = temp.resolve("ledger.clex");
        assertThat(run(env, "ledger", "export", export.toString(), "--data", data.toString())
                        .exitStatus())
                .isZero();
        assertThat(run(env, "verify", "log", export.toString(), "--keys", keys.toString())
                        .output())
                .contains("Ledger verified");

        // Someone with write access to the database rewrites entry 3.
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("custody.db"))) {
            connection.createStatement().execute("UPDATE ledger_entry SET entry = entry || x'00' WHERE idx = 3");
        }
        Path tampered = temp.resolve("tampered.clex");
        run(env, "ledger", "export", tampered.toString(), "--data", data.toString());
        var failed = run(env, "verify", "log", tampered.toString(), "--keys", keys.toString());
        assertThat(failed.exitStatus()).isEqualTo(10);
        assertThat(failed.output()).contains("FAILED verification at index 3");
    }

    private static CustodyProcess.Result run(Map<String, String> env, String... args) throws Exception {
        try (var process = CustodyProcess.start(env, args)) {
            return process.finish();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode post(
            HttpClient http, String url, String token, String path, String body) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url + "api/v1/" + path))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
