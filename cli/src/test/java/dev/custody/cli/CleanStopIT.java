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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanStopIT {
    private static final Pattern VERIFIED = Pattern.compile("Ledger verified: (\\d+) entries, (\\d+) covered");

    @TempDir
    Path temp;

    @Test
    void sigterm_signsACheckpointOfTheFinalLogSize_soAnExportTakenWhileDownIsCoveredToTheEnd() throws Exception {
        Path data = temp.resolve("data");
        Path keys = temp.resolve("keys.txt");
        var env = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");
        CustodyProcess.Result stopped;
        // Checkpoints that never come due on their own: only the stop can cover the last entries.
        try (var server = CustodyProcess.start(
                env,
                "serve",
                "--data",
                data.toString(),
                "--port",
                "0",
                "--checkpoint-every-entries",
                "1000000",
                "--checkpoint-every-seconds",
                "86400")) {
            String token = CustodyProcess.firstStartSecret(
                    server.awaitLine(CustodyProcess.FIRST_START_FILE), "Bootstrap admin token");
            String url = server.awaitLine("listening on").replaceAll(".*listening on ", "");
            var http = HttpClient.newHttpClient();
            for (String name : new String[] {"Acme", "Bolt", "Cord"}) {
                var created = http.send(
                        HttpRequest.newBuilder(URI.create(url + "api/v1/organizations"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                                .build(),
                        BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            Files.writeString(
                    keys,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(url + ".well-known/custody/keys"))
                                            .build(),
                                    BodyHandlers.ofString())
                            .body());

            stopped = server.stop();
        }

        Matcher logged = Pattern.compile("signed a checkpoint of the final ledger size (\\d+) at stop")
                .matcher(stopped.output());
        assertThat(logged.find()).as(stopped.output()).isTrue();
        Path export = temp.resolve("ledger.clex");
        assertThat(run(env, "ledger", "export", export.toString(), "--data", data.toString())
                        .exitStatus())
                .isZero();
        var verified = run(env, "verify", "log", export.toString(), "--keys", keys.toString());
        Matcher counts = VERIFIED.matcher(verified.output());
        assertThat(counts.find()).as(verified.output()).isTrue();
        assertThat(counts.group(2)).as("entries covered by signed checkpoints").isEqualTo(counts.group(1));
        assertThat(Long.parseLong(counts.group(1))).isEqualTo(Long.parseLong(logged.group(1)));
    }

    private static CustodyProcess.Result run(Map<String, String> env, String... args) throws Exception {
        try (var process = CustodyProcess.start(env, args)) {
            return process.finish();
        }
    }
}
