package dev.custody.server;

import static dev.custody.server.AccessFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.access.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error, at every layer, is the JSON {code, message}; bodies are read without coercion. */
class ErrorResponsesIT {
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
    void aBodyOfTheWrongTypes_isRefusedNamingTheField_andCreatesNothing() throws Exception {
        String token =
                fixture.apiToken(fixture.account(Role.AUDITOR, Optional.empty()).account());

        long ledgerSize = fixture.ledgerSize();
        var numberAsName = fixture.send("POST", "/api/v1/organizations", fixture.bootstrapToken, "{\"name\":123}");
        var fraction = fixture.send("POST", "/api/v1/tokens", token, "{\"lifetimeDays\":1.5}");
        var textAsNumber = fixture.send("POST", "/api/v1/tokens", token, "{\"lifetimeDays\":\"30\"}");
        var booleanAsText = fixture.send("POST", "/api/v1/organizations", fixture.bootstrapToken, "{\"name\":true}");

        assertInvalid(numberAsName, "field 'name' must be a string");
        assertInvalid(fraction, "field 'lifetimeDays' must be a whole number");
        assertInvalid(textAsNumber, "field 'lifetimeDays' must be a whole number");
        assertInvalid(booleanAsText, "field 'name' must be a string");
        assertThat(fixture.ledgerSize()).as("nothing was created").isEqualTo(ledgerSize);
        assertThat(fixture.send("POST", "/api/v1/tokens", token, "{\"lifetimeDays\":30}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aPathTheHttpServerCannotParse_getsTheJsonErrorShape() throws Exception {
        for (String path : List.of(
                "/api/v1/\0x",
                "/api/v1/a\rb",
                "/api/v1/a\nb",
                "/api/v1/%00",
                "/api/v1/a%0d%0ab",
                "/api/v1/a%2fb/../c")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(head).as(path).containsIgnoringCase("content-type: application/json");
            assertThat(head.substring(9, 12)).as(path).isIn("400", "404", "505");
            JsonNode error = JSON.readTree(body);
            assertThat(error.properties()).as(body).hasSize(2);
            assertThat(error.get("code").asText()).isIn("INVALID_INPUT", "NOT_FOUND");
            assertThat(error.get("message").asText()).isNotBlank();
        }
    }

    @Test
    void aMalformedTokenId_isCalledATokenId() throws Exception {
        String token =
                fixture.apiToken(fixture.account(Role.AUDITOR, Optional.empty()).account());

        var response = fixture.send("DELETE", "/api/v1/tokens/not-a-token", token, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("message").asText()).isEqualTo("malformed token id");
    }

    private static void assertInvalid(java.net.http.HttpResponse<String> response, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(json(response).get("message").asText()).isEqualTo(message);
    }

    /** One request written byte for byte, as no HTTP client library would send it; the whole answer. */
    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", fixture.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append("\r\n");
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return head + "\r\n" + new String(body, 0, read);
        }
    }
}
