package dev.custody.egress;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.clip.IngestService;
import dev.custody.consent.ConsentAct;
import dev.custody.consent.ConsentService;
import dev.custody.contributor.ContributorService;
import dev.custody.contributor.Identity;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.store.MetadataStore;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * Seeds a canary in a project: a decoy clip made and stored exactly as a real one (a contributor of
 * its own, consented to the project's terms, synthetic speech through the ingest pipeline, encrypted
 * under its own key), so nothing in a listing tells it apart, and then marked as a canary. No
 * legitimate workflow opens it: review queues and grants leave canaries out, and any open of one
 * suspends the principal at once (see {@link EgressGuard}).
 */
public final class CanarySeeder {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SAMPLE_RATE = 16_000;

    private final MetadataStore metadata;
    private final ContributorService contributors;
    private final ConsentService consent;
    private final IngestService ingest;

    public CanarySeeder(
            MetadataStore metadata, ContributorService contributors, ConsentService consent, IngestService ingest) {
        this.consent = requireNonNull(consent, "consent is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.contributors = requireNonNull(contributors, "contributors is null");
        this.ingest = requireNonNull(ingest, "ingest is null");
    }

    /** Seeds one canary clip in the project and answers its id. */
    public ClipId seed(ProjectId projectId) {
        // The installation's own hand, as for any clip uploaded on a contributor's behalf.
        Principal seeder = Principal.bootstrapAdmin();
        Project project = metadata.inReadTransaction(r -> r.projects().find(projectId))
                .orElseThrow(() -> CustodyException.notFound("no such project"));
        var decoy = contributors.register(seeder, new Identity("Canary", "canary@custody.invalid"));
        // The decoy consents as a contributor does, by its own act: nothing marks it as staff-recorded.
        var terms = consent.currentTerms(seeder, projectId);
        consent.consent(
                new Principal(
                        seeder.id(),
                        Role.CONTRIBUTOR,
                        Optional.empty(),
                        seeder.requestId(),
                        Optional.of(decoy.pseudonym())),
                new ConsentAct(projectId, terms.version(), terms.sha256(), "Canary", true));
        byte[] wav = WavEncoder.encode(
                SyntheticSpeech.generate(
                        Duration.ofMillis(2_000 + RANDOM.nextInt(2_000)), SAMPLE_RATE, RANDOM.nextLong()),
                SAMPLE_RATE,
                1,
                SampleEncoding.PCM_16);
        ClipId clip = ingest.ingest(
                        seeder,
                        new IngestRequest(
                                projectId,
                                decoy.pseudonym(),
                                RANDOM.nextInt(project.prompts().size())),
                        new ByteArrayInputStream(wav))
                .clip()
                .id();
        metadata.inTransaction(r -> {
            r.suspensions().markCanary(clip);
            return null;
        });
        return clip;
    }
}
