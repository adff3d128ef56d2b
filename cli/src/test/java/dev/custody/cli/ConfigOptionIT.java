package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.testkit.CustodyProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOptionIT {
    private static final String PASSPHRASE = "a passphrase for this test only";
    private static final Map<String, String> ENV = Map.of("CUSTODY_PASSPHRASE", PASSPHRASE);

    @TempDir
    Path temp;

    @Test
    void initThenServe_withAConfigurationFile_usesTheBackendsItNames() throws Exception {
        Path config = Files.writeString(temp.resolve("custody.conf"), """
                database.url = sqlite:state/custody.db
                blobs.url = file:state/blobs
                keys.url = local:state/keyring.sealed
                """);

        try (var init = CustodyProcess.start(ENV, "init", "--config", config.toString())) {
            var result = init.finish();
            assertThat(result.exitStatus()).as(result.output()).isZero();
            assertThat(result.output()).contains("Custody configuration: " + config);
            assertThat(CustodyProcess.firstStartSecret(result.output(), "Bootstrap admin token"))
                    .startsWith("cst_");
        }
        assertThat(temp.resolve("state/keyring.sealed")).exists();
        assertThat(temp.resolve("state/custody.db")).exists();

        try (var serve = CustodyProcess.start(ENV, "serve", "--config", config.toString(), "--port", "0")) {
            String url = serve.awaitLine("listening on").replaceAll(".*listening on ", "");
            var ready = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url + "readyz")).build(), BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        }
    }

    @Test
    void invalidConfiguration_exitsNonZeroWithOneMessageNamingTheSetting_beforeAnythingStarts() throws Exception {
        Path config = Files.writeString(temp.resolve("custody.conf"), """
                database.url = jdbc:postgresql://localhost:1/custody
                database.user = custody
                database.password = not-to-be-echoed-4711
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                """);

        try (var serve = CustodyProcess.start(ENV, "serve", "--config", config.toString(), "--port", "0")) {
            var result = serve.finish();
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.output())
                    .contains("custody: INVALID_INPUT: database.password must not be written in the configuration file")
                    .doesNotContain("not-to-be-echoed-4711", "listening on", "Exception");
        }
    }

    @Test
    void configAndData_together_areRefused() throws Exception {
        try (var serve = CustodyProcess.start(
                ENV, "serve", "--config", temp.resolve("custody.conf").toString(), "--data", temp.toString())) {
            var result = serve.finish();
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.output()).contains("--config and --data exclude each other");
        }
    }
}
