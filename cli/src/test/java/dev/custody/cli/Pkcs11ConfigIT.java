package dev.custody.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.testkit.CustodyProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys.url = pkcs11://...}: KEKs in a SoftHSM2 token, signing keys in a local keyring. */
class Pkcs11ConfigIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIN = "4321-user-pin";
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));

    @TempDir
    Path temp;

    @Test
    void serve_wrapsKeysInTheToken_signsWithTheLocalKeyring_andReturnsTheUploadedAudio() throws Exception {
        Path softhsmConf = softhsm();
        int slot = initToken(softhsmConf);
        Path config = Files.writeString(temp.resolve("custody.conf"), """
                database.url = sqlite:state/custody.db
                blobs.url = file:state/blobs
                keys.url = pkcs11://custody
                keys.pkcs11.library = %s
                keys.pkcs11.slot = %d
                keys.signing-keyring = state/signing.sealed
                """.formatted(library(), slot));
        Files.writeString(temp.resolve("pin"), PIN + "\n");
        var env = Map.of(
                "SOFTHSM2_CONF", softhsmConf.toString(),
                "CUSTODY_KEYS_PKCS11_PIN_FILE", temp.resolve("pin").toString(),
                "CUSTODY_PASSPHRASE", "a passphrase for this test only");

        String token;
        try (var init = CustodyProcess.start(env, "init", "--config", config.toString())) {
            var result = init.finish();
            assertThat(result.exitStatus()).as(result.output()).isZero();
            token = CustodyProcess.firstStartSecret(result.output(), "Bootstrap admin token");
        }
        assertThat(temp.resolve("state/signing.sealed")).exists();
        assertThat(run(
                        softhsmConf,
                        "pkcs11-tool",
                        "--module",
                        library().toString(),
                        "--slot",
                        String.valueOf(slot),
                        "--login",
                        "--pin",
                        PIN,
                        "--list-objects",
                        "--type",
                        "secrkey"))
                .contains("custody-voice-v1", "custody-identity-v1");

        byte[] audio = WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(1), 16_000, 3), 16_000, 1, SampleEncoding.PCM_16);
        try (var serve = CustodyProcess.start(env, "serve", "--config", config.toString(), "--port", "0")) {
            String url = serve.awaitLine("listening on").replaceAll(".*listening on ", "") + "api/v1/";
            String org = post(url + "organizations", token, "{\"name\":\"Acme\"}")
                    .get("id")
                    .asText();
            String project = post(
                            url + "organizations/" + org + "/projects",
                            token,
                            "{\"name\":\"Read\",\"prompts\":[\"One.\"],\"consentTermsVersion\":1,\"retentionDays\":30,\"language\":\"en\",\"targetClips\":100,\"payPerAcceptedClip\":\"0.40\",\"currency\":\"EUR\",\"purposesAllowed\":[\"asr-training\"]}")
                    .get("id")
                    .asText();
            String contributor = post(url + "contributors", token, "{\"name\":\"Ann\",\"email\":\"ann@example.org\"}")
                    .get("pseudonym")
                    .asText();
            String termsHash = get(url + "projects/" + project + "/terms", token)
                    .get("sha256")
                    .asText();
            post(
                    url + "contributors/" + contributor + "/consents",
                    token,
                    "{\"project\":\"" + project + "\",\"termsVersion\":1,\"termsSha256\":\"" + termsHash
                            + "\",\"formSha256\":\"" + "ab".repeat(32) + "\",\"witnessName\":\"Wendy Witness\"}");
            var uploaded = send(
                    request(url + "projects/" + project + "/clips?contributor=" + contributor + "&prompt=0", token)
                            .POST(BodyPublishers.ofByteArray(audio)),
                    BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            JsonNode ingested = JSON.readTree(uploaded.body());
            assertThat(ingested.get("receipt").asText()).isNotBlank();

            var opened = send(
                    request(
                                    url + "clips/"
                                            + ingested.get("clip").get("id").asText() + "/audio?purpose=quality-check",
                                    token)
                            .GET(),
                    BodyHandlers.ofByteArray());
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).isEqualTo(audio);
        }
    }

    private Path softhsm() throws IOException {
        Path tokens = Files.createDirectories(temp.resolve("tokens"));
        return Files.writeString(
                temp.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    }

    private static int initToken(Path softhsmConf) throws Exception {
        String output = run(
                softhsmConf,
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                "custody-cli-test",
                "--pin",
                PIN,
                "--so-pin",
                "8765-so-pin");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        assertThat(slot.find()).as(output).isTrue();
        return Integer.parseInt(slot.group(1));
    }

    private static String run(Path softhsmConf, String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static Path library() {
        return LIBRARIES.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "SoftHSM2 is not installed (Debian package softhsm2; scripts/install-test-deps)"));
    }

    private static JsonNode post(String url, String token, String body) throws Exception {
        var response = send(request(url, token).POST(BodyPublishers.ofString(body)), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url, String token) throws Exception {
        var response = send(request(url, token).GET(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws Exception {
        return HttpClient.newHttpClient().send(request.build(), handler);
    }
}
