package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.blob.BlobId;
import dev.custody.testkit.CustodyProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeIT {
    @TempDir
    Path temp;

    @Test
    void serve_createsTheEmbeddedDefault_printsUrlAndToken_refusesASecondInstance_andReusesTheFolder()
            throws Exception {
        Path data = temp.resolve("data");
        Path config = temp.resolve("config");
        var env = Map.of("CUSTODY_CONFIG_HOME", config.toString());
        String url;
        String token;
        try (var first = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            String passphraseLine = first.awaitLine("wrote it to");
            String secretsLine = first.awaitLine(CustodyProcess.FIRST_START_FILE);
            assertThat(CustodyProcess.firstStartSecret(secretsLine, "username:"))
                    .isEqualTo("operator");
            String password = CustodyProcess.firstStartSecret(secretsLine, "password:");
            String totp = CustodyProcess.firstStartSecret(secretsLine, "TOTP enrolment");
            token = CustodyProcess.firstStartSecret(secretsLine, "Bootstrap admin token");
            url = first.awaitLine("listening on").replaceAll(".*listening on ", "");
            assertThat(passphraseLine).contains(config.toString());
            assertThat(totp).startsWith("otpauth://totp/Custody:operator?secret=");
            assertThat(token).startsWith("cst_");
            String totpSecret = totp.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
            // Standard output is a pipe here, as it is when redirected to a log file.
            assertThat(first.seen())
                    .noneMatch(line -> line.contains(password) || line.contains(totpSecret) || line.contains(token));
            Path secrets;
            try (var files = Files.list(config)) {
                secrets = files.filter(p -> p.getFileName().toString().startsWith("first-start_"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(secretsLine).contains(secrets.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(secrets)).contains(password, totpSecret, token);
            assertThat(Files.exists(data.resolve("custody.db"))).isTrue();
            assertThat(Files.exists(data.resolve("keyring.sealed"))).isTrue();
            Path passphrase;
            try (var files = Files.list(config)) {
                passphrase = files.filter(p -> p.toString().endsWith(".passphrase"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase)))
                    .isEqualTo("rw-------");

            var http = HttpClient.newHttpClient();
            var health = http.send(
                    HttpRequest.newBuilder(URI.create(url + "healthz")).build(), BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            var created = http.send(
                    HttpRequest.newBuilder(URI.create(url + "api/v1/organizations"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\"}"))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            try (var second = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
                var refused = second.finish();
                assertThat(refused.exitStatus()).isEqualTo(9);
                assertThat(refused.output()).contains("DATA_FOLDER_LOCKED", "another Custody process");
            }
        }

        try (var again = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            String secondUrl = again.awaitLine("listening on").replaceAll(".*listening on ", "");
            var http = HttpClient.newHttpClient();
            var created = http.send(
                    HttpRequest.newBuilder(URI.create(secondUrl + "api/v1/organizations"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme again\"}"))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(created.statusCode())
                    .as("the first start's token still works")
                    .isEqualTo(201);
        }
    }

    @Test
    void serve_sweepsABlobThatNoClipNames() throws Exception {
        Path data = temp.resolve("data");
        var env = Map.of("CUSTODY_CONFIG_HOME", temp.resolve("config").toString());
        try (var init = CustodyProcess.start(env, "init", "--data", data.toString())) {
            assertThat(init.finish().exitStatus()).isZero();
        }
        // What an ingest killed between its blob's write and its clip's commit leaves, two days ago.
        BlobId orphan = BlobId.random();
        Path orphanFile = data.resolve("blobs/objects")
                .resolve(orphan.value().substring(4, 6))
                .resolve(orphan.value());
        Files.write(orphanFile, new byte[4096]);
        Files.setLastModifiedTime(orphanFile, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (var server = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            server.awaitLine("listening on");
            server.findOrAwaitLine("deleted 1 blobs that no clip names and 0 unfinished writes");
            assertThat(orphanFile).doesNotExist();
        }
    }

    @Test
    void serve_behindATlsProxy_namedByThePublicUrl_setsSecureSessionCookies() throws Exception {
        Path data = temp.resolve("data");
        var env = Map.of(
                "CUSTODY_CONFIG_HOME",
                temp.resolve("config").toString(),
                "CUSTODY_PUBLIC_URL",
                "https://custody.example.org");
        try (var server = CustodyProcess.start(env, "serve", "--data", data.toString(), "--port", "0")) {
            String token = CustodyProcess.firstStartSecret(
                    server.awaitLine(CustodyProcess.FIRST_START_FILE), "Bootstrap admin token");
            String url = server.awaitLine("listening on").replaceAll(".*listening on ", "");
            var http = HttpClient.newHttpClient();
            var account = http.send(
                    HttpRequest.newBuilder(URI.create(url + "api/v1/accounts"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada\",\"password\":"
                                    + "\"violet kettle under the stairs\",\"role\":\"auditor\"}"))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(account.statusCode()).as(account.body()).isEqualTo(201);

            var signedIn = http.send(
                    HttpRequest.newBuilder(URI.create(url + "web/sessions"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", "https://custody.example.org")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=ada&password=violet+kettle+under+the+stairs"))
                            .build(),
                    BodyHandlers.ofString());

            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
            assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow())
                    .startsWith("__Host-custody-session=csw_")
                    .endsWith("; Path=/; HttpOnly; SameSite=Strict; Secure");
        }
    }

    @Test
    void serve_withAPublicUrlThatIsNoWebOrigin_stopsBeforeOpeningAnything() throws Exception {
        Path data = temp.resolve("data");
        try (var server = CustodyProcess.start(
                Map.of("CUSTODY_CONFIG_HOME", temp.resolve("config").toString()),
                "serve",
                "--data",
                data.toString(),
                "--public-url",
                "ftp://custody.example.org")) {
            var refused = server.finish();

            assertThat(refused.exitStatus()).isEqualTo(3);
            assertThat(refused.output()).contains("INVALID_INPUT", "public URL");
            assertThat(Files.exists(data)).isFalse();
        }
    }
}
