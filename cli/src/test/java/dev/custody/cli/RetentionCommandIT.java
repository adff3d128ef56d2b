package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.testkit.CustodyProcess;
import dev.custody.testkit.MutableClock;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCommandIT {
    private static final Map<String, String> ENV = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");

    @TempDir
    Path temp;

    @Test
    void retentionRun_erasesWhatIsDue_printsTheCounts_andErasesNothingMoreTheSecondTime() throws Exception {
        Path data = temp.resolve("data");
        // Four years ago: a clip of a project keeping clips 30 days, by a contributor never seen since.
        recordLongAgo(data, Instant.now().minus(Duration.ofDays(4 * 365)));

        assertThat(blobFiles(data)).hasSize(1);

        var first = run("retention", "run", "--data", data.toString());
        assertThat(blobFiles(data))
                .as("the erased clip's blob is deleted by the run")
                .isEmpty();
        var second = run("retention", "run", "--data", data.toString());

        assertThat(first.exitStatus()).as(first.output()).isZero();
        assertThat(first.output())
                .contains(
                        "clips past their retention erased: 1",
                        "contributors inactive for 3 years erased: 1 (their clips: 0)");
        assertThat(second.exitStatus()).as(second.output()).isZero();
        assertThat(second.output())
                .contains(
                        "clips past their retention erased: 0",
                        "contributors inactive for 3 years erased: 0 (their clips: 0)");
    }

    private static List<Path> blobFiles(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void recordLongAgo(Path data, Instant then) {
        var admin = Principal.bootstrapAdmin();
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), new MutableClock(then))) {
            var services = installation.custody().services();
            var organization = services.projects().createOrganization(admin, "Acme");
            var project = services.projects()
                    .createProject(
                            admin,
                            organization.id(),
                            ProjectPlans.readAloud("Read", List.of("Hello."), 1, Duration.ofDays(30)));
            var contributor = services.contributors().register(admin, new Identity("Dana", "dana@example.org"));
            var terms = services.consent().currentTerms(admin, project.id());
            services.consent()
                    .recordPaperConsent(
                            admin,
                            contributor.pseudonym(),
                            new PaperConsent(
                                    project.id(), 1, terms.sha256(), Sha256.of("scanned form"), "Wendy Witness"));
            byte[] wav = WavEncoder.encode(
                    SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 7), 16_000, 1, SampleEncoding.PCM_16);
            services.ingest()
                    .ingest(
                            admin,
                            new IngestRequest(project.id(), contributor.pseudonym(), 0),
                            new ByteArrayInputStream(wav));
        }
    }

    private static CustodyProcess.Result run(String... args) throws Exception {
        try (var process = CustodyProcess.start(ENV, args)) {
            return process.finish();
        }
    }
}
