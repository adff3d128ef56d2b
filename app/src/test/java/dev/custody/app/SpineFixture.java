package dev.custody.app;

import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.IngestRequest;
import dev.custody.clip.IngestResult;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.Project;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An embedded installation in a temporary folder with one project and consenting contributors. */
final class SpineFixture implements AutoCloseable {
    static final String PASSPHRASE = "correct horse battery staple, but longer";
    static final Principal ADMIN = Principal.bootstrapAdmin();

    final Path dataFolder;
    final EmbeddedInstallation installation;
    final Services services;
    final Project project;

    SpineFixture(Path dataFolder) {
        this(dataFolder, Clock.systemUTC());
    }

    /** On a clock of the test's choosing, for what depends on time (retention, for one). */
    SpineFixture(Path dataFolder, Clock clock) {
        this.dataFolder = dataFolder;
        this.installation = EmbeddedInstallation.open(
                dataFolder, Map.of("CUSTODY_PASSPHRASE", PASSPHRASE), TestArgon2.parameters(), clock);
        this.services = installation.custody().services();
        var organization = services.projects().createOrganization(ADMIN, "Acme Speech");
        this.project = services.projects()
                .createProject(
                        ADMIN,
                        organization.id(),
                        ProjectPlans.readAloud(
                                "Read-aloud",
                                List.of(
                                        "The birch canoe slid on the smooth planks.",
                                        "Glue the sheet to the dark blue background."),
                                1,
                                Duration.ofDays(365)));
    }

    static EmbeddedInstallation open(Path dataFolder, String passphrase) {
        return EmbeddedInstallation.open(
                dataFolder, Map.of("CUSTODY_PASSPHRASE", passphrase), TestArgon2.parameters(), Clock.systemUTC());
    }

    Pseudonym consentingContributor(String name) {
        var contributor = services.contributors()
                .register(ADMIN, new Identity(name, name.toLowerCase().replace(' ', '.') + "@example.org"));
        PaperConsents.record(services, contributor.pseudonym(), project.id());
        return contributor.pseudonym();
    }

    IngestResult ingest(Pseudonym contributor, byte[] audio) {
        return ingest(contributor, audio, ADMIN);
    }

    /** Uploads as {@code caller}: the administrator, or a contributor recording for themselves. */
    IngestResult ingest(Pseudonym contributor, byte[] audio, Principal caller) {
        return services.ingest()
                .ingest(caller, new IngestRequest(project.id(), contributor, 0), new ByteArrayInputStream(audio));
    }

    static byte[] speech(long seed) {
        return WavEncoder.encode(
                SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, seed), 16_000, 1, SampleEncoding.PCM_16);
    }

    @Override
    public void close() {
        installation.close();
    }
}
