package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.clip.Clip;
import dev.custody.contributor.Pseudonym;
import dev.custody.server.ApiServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Idempotency-Key header of uploads over real HTTP, and the statuses of the new refusals. */
class IdempotentUploadHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    SpineFixture fixture;
    ApiServer server;
    HttpClient http = HttpClient.newHttpClient();
    String token;
    Pseudonym contributor;

    @BeforeEach
    void start() {
        fixture = new SpineFixture(temp.resolve("data"));
        token = fixture.installation.bootstrapToken().orElseThrow();
        server = ApiServer.start("127.0.0.1", 0, fixture.services);
        contributor = fixture.consentingContributor("Ada Lovelace");
    }

    @AfterEach
    void stop() {
        server.close();
        fixture.close();
    }

    @Test
    void upload_whoseConnectionDropsBeforeTheAnswer_isAnsweredOnRetry_withOneClipStored() throws Exception {
        byte[] audio = SpineFixture.speech(1);
        // A client that sends the whole upload, then loses its connection before any answer.
        try (var socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uploadPath(0) + " HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + token + "\r\n"
                            + "Idempotency-Key: \"take-1\"\r\n"
                            + "Content-Type: audio/wav\r\n"
                            + "Content-Length: " + audio.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(audio);
            out.flush();
        }
        Clip committed = awaitOneClip();

        var retry = upload(0, "take-1", audio);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(retry.body()).at("/clip/id").asText())
                .isEqualTo(committed.id().value());
        assertThat(clips()).hasSize(1);
    }

    @Test
    void retry_answeredTwice_returnsTheSameClipAndReceiptText() throws Exception {
        byte[] audio = SpineFixture.speech(2);
        JsonNode first = JSON.readTree(upload(0, "k", audio).body());

        var second = upload(0, "k", audio);

        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode replayed = JSON.readTree(second.body());
        assertThat(replayed.at("/clip/id")).isEqualTo(first.at("/clip/id"));
        // The same receipt, up to the checkpoint its inclusion proof is against.
        assertThat(receiptHead(replayed)).isEqualTo(receiptHead(first));
        assertThat(clips()).hasSize(1);
    }

    @Test
    void malformedKeys_areRefused422_andStoreNothing() throws Exception {
        for (String bad : List.of("has space", "x".repeat(256), "\"unterminated", "tab\there", "")) {
            var refused = upload(0, bad, SpineFixture.speech(3));
            assertError(refused, 422, "INVALID_INPUT");
        }
        assertThat(clips()).isEmpty();
    }

    @Test
    void theSameKeyForOtherBytes_is409_andDuplicateAudio_is409NamingTheEarlierClip() throws Exception {
        var first = upload(0, "k1", SpineFixture.speech(4));
        String earlier = JSON.readTree(first.body()).at("/clip/id").asText();

        assertError(upload(0, "k1", SpineFixture.speech(5)), 409, "IDEMPOTENCY_KEY_REUSED");
        var duplicate = upload(1, "k2", SpineFixture.speech(4));
        assertError(duplicate, 409, "DUPLICATE_AUDIO");
        assertThat(JSON.readTree(duplicate.body()).get("message").asText()).contains(earlier);
        assertThat(clips()).hasSize(1);
    }

    private HttpResponse<String> upload(int prompt, String key, byte[] audio) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + uploadPath(prompt)))
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "audio/wav")
                        .POST(BodyPublishers.ofByteArray(audio))
                        .build(),
                BodyHandlers.ofString());
    }

    private String uploadPath(int prompt) {
        return "/api/v1/projects/" + fixture.project.id().value() + "/clips?contributor=" + contributor.value()
                + "&prompt=" + prompt;
    }

    private List<Clip> clips() {
        return fixture.installation
                .custody()
                .metadataStore()
                .inReadTransaction(r -> r.clips().byContributor(contributor));
    }

    /** Waits, within a bound, for the dropped upload's commit: the server finishes it on its own. */
    private Clip awaitOneClip() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<Clip> stored = clips();
            if (!stored.isEmpty()) {
                assertThat(stored).hasSize(1);
                return stored.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the dropped upload was never committed");
    }

    /** The receipt's text up to its ledger entry's index: what follows depends on the checkpoint. */
    private static String receiptHead(JsonNode upload) {
        String text = upload.get("receipt").asText();
        int treeSize = text.indexOf("\nledger-tree-size ");
        assertThat(treeSize).as(text).isPositive();
        return text.substring(0, treeSize);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }
}
