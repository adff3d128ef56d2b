package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.clip.ClipId;
import dev.custody.server.ApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key routes over HTTP, on a real embedded installation. */
class KeyRoutesIT {
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
    void rotateRewrapDestroy_overHttp_reportStatusAndProgress_andKeepClipsReadable() throws Exception {
        byte[] audio = SpineFixture.speech(7);
        ClipId clip = fixture.ingest(fixture.consentingContributor("Gil Example"), audio)
                .clip()
                .id();

        JsonNode before = json(send("GET", "/api/v1/keys", token), 200);
        JsonNode rotated = json(send("POST", "/api/v1/keys/voice/rotate", token), 200);
        JsonNode pending = json(send("GET", "/api/v1/keys", token), 200);
        JsonNode rewrapped = json(send("POST", "/api/v1/keys/rewrap?batchSize=1&untilDone=true", token), 200);
        JsonNode refused = json(send("POST", "/api/v1/keys/voice/versions/1/destroy", token), 409);
        fixture.services.keys().setBackupRetention(ADMIN, 0);
        JsonNode destroyed = json(send("POST", "/api/v1/keys/voice/versions/1/destroy", token), 200);
        JsonNode again = json(send("POST", "/api/v1/keys/voice/versions/1/destroy", token), 409);

        assertThat(before.at("/backupRetentionDays").asLong()).isEqualTo(30);
        assertThat(before.at("/purposes/0/purpose").asText()).isEqualTo("voice");
        assertThat(before.at("/purposes/0/versions/0/keys").asLong()).isEqualTo(1);
        assertThat(rotated.at("/active").asText()).isEqualTo("local://voice;v=2");
        assertThat(pending.at("/remaining").asLong()).isEqualTo(1);
        assertThat(pending.at("/purposes/0/versions/0/state").asText()).isEqualTo("retired");
        assertThat(rewrapped.at("/rewrapped").asLong()).isEqualTo(1);
        assertThat(rewrapped.at("/finished").asBoolean()).isTrue();
        assertThat(refused.at("/code").asText()).isEqualTo("CONFLICT");
        assertThat(refused.at("/message").asText()).contains("backup retention 30 days");
        assertThat(destroyed.at("/destroyed").asText()).isEqualTo("local://voice;v=1");
        assertThat(again.at("/message").asText()).contains("already destroyed");
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, clip, "quality-check")
                        .bytes())
                .isEqualTo(audio);
    }

    @Test
    void keyRoutes_refuseBadInputAndMissingTokens_withJsonErrors() throws Exception {
        assertThat(json(send("POST", "/api/v1/keys/audio/rotate", token), 422)
                        .at("/code")
                        .asText())
                .isEqualTo("INVALID_INPUT");
        assertThat(json(send("POST", "/api/v1/keys/voice/versions/one/destroy", token), 422)
                        .at("/code")
                        .asText())
                .isEqualTo("INVALID_INPUT");
        assertThat(json(send("POST", "/api/v1/keys/identity/versions/1/destroy", token), 409)
                        .at("/message")
                        .asText())
                .contains("active version");
        assertThat(json(send("GET", "/api/v1/keys", null), 401).at("/code").asText())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(json(send("POST", "/api/v1/keys/voice/rotate", "cst_forged"), 401)
                        .at("/code")
                        .asText())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(fixture.services.keys().status(ADMIN).purposes().getFirst().active())
                .hasToString("local://voice;v=1");
    }

    private HttpResponse<String> send(String method, String path, String bearer)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, BodyPublishers.noBody());
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return http.send(builder.build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
