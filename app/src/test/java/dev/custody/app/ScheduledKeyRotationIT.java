package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.keyadmin.ScheduledRun;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.ledger.KeyDestroyed;
import dev.custody.ledger.KeyRotated;
import dev.custody.project.Project;
import dev.custody.testkit.MutableClock;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled KEK rotation on PostgreSQL, where dead row versions, WAL segments and backups keep
 * an erased contributor's wrapped key: the schedule rotates on its own clock (here the test's),
 * rewraps, and destroys the old version once the backup retention has passed, after which a dump
 * taken before the rotation (real pg_dump, restored with pg_restore) opens no clip.
 */
class ScheduledKeyRotationIT {
    private static final Principal ADMIN = Principal.bootstrapAdmin();
    private static final String PASSPHRASE = "a passphrase for this test only";
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(START);

    @Test
    void aDumpTakenBeforeAScheduledRotation_opensNoClip_onceTheOldVersionIsDestroyed() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Path config = writeConfig(postgres, "postgres");
            Path dump = temp.resolve("before-rotation.dump");
            ClipId kept;
            ClipId erased;
            try (var installation = ConfiguredInstallation.initialize(config, env(), TestArgon2.parameters(), clock)) {
                Services services = installation.custody().services();
                services.keys().setBackupRetention(ADMIN, 2);
                assertThat(services.keys().runSchedule(ADMIN).changedAnything()).isFalse();
                var status = services.keys().status(ADMIN);
                assertThat(status.nextRotation()).contains(START.plus(Duration.ofDays(7)));
                assertThat(status.erasureReachesEveryCopyWithin()).contains(Duration.ofDays(9));

                Project project = project(services);
                Pseudonym staying = contributor(services, project, "Ada Keep");
                Pseudonym leaving = contributor(services, project, "Bo Leave");
                kept = ingest(services, project, staying, 1);
                erased = ingest(services, project, leaving, 2);
                pgDump(postgres, "postgres", dump);
                services.erasure().erase(ADMIN, leaving);

                clock.advance(Duration.ofDays(7).minusSeconds(1));
                assertThat(services.keys().runSchedule(ADMIN).changedAnything()).isFalse();
                clock.advance(Duration.ofSeconds(1));
                ScheduledRun rotation = services.keys().runSchedule(ADMIN);
                rewrapToTheEnd(services);
                ScheduledRun withinRetention = services.keys().runSchedule(ADMIN);
                clock.advance(Duration.ofDays(2));
                ScheduledRun destruction = services.keys().runSchedule(ADMIN);

                assertThat(rotation.rotatedTo())
                        .extracting(KekId::toString)
                        .containsExactlyInAnyOrder("local://voice;v=2", "local://identity;v=2");
                assertThat(withinRetention.changedAnything()).isFalse();
                assertThat(destruction.destroyed())
                        .extracting(KekId::toString)
                        .containsExactlyInAnyOrder("local://voice;v=1", "local://identity;v=1");
                assertThat(services.keys().status(ADMIN).nextRotation()).contains(START.plus(Duration.ofDays(14)));
                assertThat(services.ledger().entries(ADMIN, 0, Long.MAX_VALUE))
                        .anyMatch(entry -> entry.records(new KeyRotated("local://voice", KeyPurpose.VOICE, 1, 2)))
                        .anyMatch(entry -> entry.records(new KeyDestroyed("local://voice", KeyPurpose.VOICE, 1)))
                        .anyMatch(entry -> entry.records(new KeyDestroyed("local://identity", KeyPurpose.IDENTITY, 1)));
                assertThat(services.custodian()
                                .open(ADMIN, kept, "quality-check")
                                .bytes())
                        .as("the live system reads on")
                        .isEqualTo(speech(1));
            }

            createDatabase(postgres, "restored");
            pgRestore(postgres, "restored", dump);
            try (var restored = ConfiguredInstallation.open(writeConfig(postgres, "restored"), env(), clock)) {
                Services services = restored.custody().services();
                for (ClipId clip : List.of(kept, erased)) {
                    assertThatThrownBy(() -> services.custodian().open(ADMIN, clip, "quality-check"))
                            .as(clip.value())
                            .isInstanceOfSatisfying(
                                    CustodyException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
                }
            }
        }
    }

    private Path writeConfig(EmbeddedPostgres postgres, String database) throws Exception {
        Files.createDirectories(temp.resolve("node"));
        return Files.writeString(
                temp.resolve("node/" + database + ".conf"), """
                database.url = jdbc:postgresql://localhost:%d/%s
                database.user = postgres
                blobs.url = file:blobs
                keys.url = local:keyring.sealed
                keys.rotate-every-days = 7
                """.formatted(postgres.getPort(), database));
    }

    private static Map<String, String> env() {
        return Map.of("CUSTODY_PASSPHRASE", PASSPHRASE, "CUSTODY_DATABASE_PASSWORD", "postgres");
    }

    private static Project project(Services services) {
        var organization = services.projects().createOrganization(ADMIN, "Acme Speech");
        return services.projects()
                .createProject(
                        ADMIN,
                        organization.id(),
                        ProjectPlans.readAloud(
                                "Read-aloud", List.of("The birch canoe slid."), 1, Duration.ofDays(365)));
    }

    private static Pseudonym contributor(Services services, Project project, String name) {
        var contributor = services.contributors()
                .register(ADMIN, new Identity(name, name.toLowerCase().replace(' ', '.') + "@example.org"));
        PaperConsents.record(services, contributor.pseudonym(), project.id());
        return contributor.pseudonym();
    }

    private static ClipId ingest(Services services, Project project, Pseudonym contributor, long seed) {
        return services.ingest()
                .ingest(ADMIN, new IngestRequest(project.id(), contributor, 0), new ByteArrayInputStream(speech(seed)))
                .clip()
                .id();
    }

    private static byte[] speech(long seed) {
        return WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, seed), 16_000, 1, SampleEncoding.PCM_16);
    }

    private static void rewrapToTheEnd(Services services) {
        for (int batch = 0; batch < 100; batch++) {
            if (services.keys().rewrap(ADMIN, 100).finished()) {
                return;
            }
        }
        throw new AssertionError("rewrap did not finish");
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private static void pgDump(EmbeddedPostgres postgres, String database, Path file) throws Exception {
        run(postgres, "pg_dump", "--format=custom", "--file=" + file, "--dbname=" + database);
    }

    private static void pgRestore(EmbeddedPostgres postgres, String database, Path file) throws Exception {
        run(postgres, "pg_restore", "--no-owner", "--dbname=" + database, file.toString());
    }

    private static void run(EmbeddedPostgres postgres, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                tool, "--host=localhost", "--port=" + postgres.getPort(), "--username=postgres", "--no-password"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(tool + ": " + output).isZero();
    }
}
