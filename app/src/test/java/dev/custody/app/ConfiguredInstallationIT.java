package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredInstallationIT {
    private static final Map<String, String> ENV = Map.of("CUSTODY_PASSPHRASE", SpineFixture.PASSPHRASE);

    @TempDir
    Path temp;

    @Test
    void initialize_createsTheKeyringOnce_thenOpenServesFromTheConfiguredBackends() throws IOException {
        Path config = writeConfig();

        String token;
        byte[] audio = SpineFixture.speech(7);
        dev.custody.clip.ClipId clip;
        try (var installation = initialize(config)) {
            assertThat(installation.location()).contains(config.toString());
            token = installation.bootstrapToken().orElseThrow();
            clip = ingestOne(installation, audio);
        }
        assertThat(temp.resolve("state/keyring.sealed")).exists();

        try (var again = ConfiguredInstallation.open(config, ENV, Clock.systemUTC())) {
            assertThat(again.bootstrapToken()).isEmpty();
            assertThat(again.custody().services().bootstrapToken().authenticate(token))
                    .isNotNull();
            assertThat(again.custody()
                            .services()
                            .custodian()
                            .open(ADMIN, clip, "quality-check")
                            .bytes())
                    .isEqualTo(audio);
        }
    }

    @Test
    void open_withoutAKeyring_failsKeyringMissing_andPointsAtInit() throws IOException {
        Path config = writeConfig();

        assertThatThrownBy(() -> ConfiguredInstallation.open(config, ENV, Clock.systemUTC()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEYRING_MISSING))
                .hasMessageContaining("custody init --config " + config);
        assertThat(temp.resolve("state/custody.db")).doesNotExist();
    }

    @Test
    void initialize_refusesToMakeANewKeyringForADatabaseThatHoldsData() throws IOException {
        Path config = writeConfig();
        initialize(config).close();
        Path keyring = temp.resolve("state/keyring.sealed");
        Files.delete(keyring);

        assertThatThrownBy(() -> initialize(config))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEYRING_MISSING))
                .hasMessageContaining("restore it from a backup");
        assertThat(keyring).doesNotExist();
    }

    @Test
    void invalidConfiguration_failsBeforeAnythingIsCreated() throws IOException {
        Path config = writeConfig();
        Files.writeString(config, "blobs.s3.region = eu-west-1\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(config, Files.readString(config).replace("file:state/blobs", "s3://custody-blobs/x"));

        assertThatThrownBy(() -> initialize(config))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageContaining("blobs.s3.access-key-id (CUSTODY_BLOBS_S3_ACCESS_KEY_ID) is required");
        assertThat(temp.resolve("state")).doesNotExist();
    }

    private static ConfiguredInstallation initialize(Path config) {
        return ConfiguredInstallation.initialize(config, ENV, TestArgon2.parameters(), Clock.systemUTC());
    }

    private dev.custody.clip.ClipId ingestOne(Installation installation, byte[] audio) {
        var services = installation.custody().services();
        var organization = services.projects().createOrganization(ADMIN, "Acme");
        var project = services.projects()
                .createProject(
                        ADMIN,
                        organization.id(),
                        ProjectPlans.readAloud("Read", List.of("One."), 1, Duration.ofDays(30)));
        var contributor = services.contributors().register(ADMIN, new Identity("Ann", "ann@example.org"));
        PaperConsents.record(services, contributor.pseudonym(), project.id());
        return services.ingest()
                .ingest(
                        ADMIN,
                        new IngestRequest(project.id(), contributor.pseudonym(), 0),
                        new ByteArrayInputStream(audio))
                .clip()
                .id();
    }

    private Path writeConfig() throws IOException {
        return Files.writeString(temp.resolve("custody.conf"), """
                # The embedded backends, chosen by a configuration file.
                database.url = sqlite:state/custody.db
                blobs.url = file:state/blobs
                keys.url = local:state/keyring.sealed
                """);
    }
}
