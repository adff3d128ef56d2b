package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipState;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.testkit.CustodyProcess;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody export} delivers a project's accepted clips, resumes, and verifies offline. */
class ExportCommandIT {
    private static final Map<String, String> ENV = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");

    @TempDir
    Path temp;

    @Test
    void export_deliversTheAcceptedClips_resumes_andVerifies() throws Exception {
        Path data = temp.resolve("data");
        String project = projectWithClips(data, 5, 3, temp.resolve("keys.txt"));
        Path secret = temp.resolve("grant.secret");
        Files.write(secret, new byte[48]);
        Path out = temp.resolve("delivery");
        Path keys = temp.resolve("keys.txt");

        var first = run(
                "export",
                "--data",
                data.toString(),
                "--project",
                project,
                "--purpose",
                "asr-training",
                "--out",
                out.toString(),
                "--secret-file",
                secret.toString(),
                "--shard-size",
                "200000");
        var again = run(
                "export",
                "--data",
                data.toString(),
                "--project",
                project,
                "--purpose",
                "asr-training",
                "--out",
                out.toString(),
                "--secret-file",
                secret.toString(),
                "--shard-size",
                "200000");
        var verified = run("verify", "dataset", out.toString(), "--keys", keys.toString());

        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains("Delivered 3 clips in 2 shards (2 written by this run");
        assertThat(again.output()).contains("Delivered 3 clips in 2 shards (0 written by this run");
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Dataset verified: 3 samples in 2 shards");
    }

    @Test
    void export_forAPurposeTheProjectDoesNotAllow_isRefused_andWritesNothing() throws Exception {
        Path data = temp.resolve("data");
        String project = projectWithClips(data, 1, 1, temp.resolve("keys.txt"));
        Path secret = temp.resolve("grant.secret");
        Files.write(secret, new byte[48]);
        Path out = temp.resolve("delivery");

        var refused = run(
                "export",
                "--data",
                data.toString(),
                "--project",
                project,
                "--purpose",
                "voice-cloning",
                "--out",
                out.toString(),
                "--secret-file",
                secret.toString());

        assertThat(refused.status()).isEqualTo(3);
        assertThat(refused.output()).contains("do not allow voice-cloning");
        assertThat(out).doesNotExist();
    }

    /**
     * A project with {@code clips} ingested clips, of which the first {@code accepted} are accepted;
     * writes the published keys to {@code keys}.
     */
    private static String projectWithClips(Path data, int clips, int accepted, Path keys) throws Exception {
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), Clock.systemUTC())) {
            var services = installation.custody().services();
            var admin = Principal.bootstrapAdmin();
            var org = services.projects().createOrganization(admin, "Acme");
            var project = services.projects()
                    .createProject(
                            admin,
                            org.id(),
                            ProjectPlans.readAloud("Read", List.of("One.", "Two."), 1, Duration.ofDays(30)));
            var contributor = services.contributors().register(admin, new Identity("Gil", "gil@example.org"));
            services.consent()
                    .recordPaperConsent(
                            admin,
                            contributor.pseudonym(),
                            new PaperConsent(
                                    project.id(),
                                    1,
                                    services.consent()
                                            .currentTerms(admin, project.id())
                                            .sha256(),
                                    Sha256.of("scanned consent form"),
                                    "Wendy Witness"));
            for (int i = 0; i < clips; i++) {
                byte[] wav = WavEncoder.encode(
                        SyntheticSpeech.generate(Duration.ofSeconds(3), 16_000, i), 16_000, 1, SampleEncoding.PCM_16);
                var clip = services.ingest()
                        .ingest(
                                admin,
                                new IngestRequest(project.id(), contributor.pseudonym(), i % 2),
                                new ByteArrayInputStream(wav))
                        .clip();
                if (i < accepted) {
                    // What a review's verdict does to the clip's row; the review itself is not what is tested here.
                    installation
                            .custody()
                            .metadataStore()
                            .inTransaction(r -> r.clips().decide(clip.id(), ClipState.ACCEPTED));
                }
            }
            Files.writeString(keys, services.ledger().keys().toText());
            return project.id().value();
        }
    }

    private record Run(int status, String output) {}

    private static Run run(String... args) throws Exception {
        try (var process = CustodyProcess.start(ENV, args)) {
            var result = process.finish();
            return new Run(result.exitStatus(), result.output());
        }
    }
}
