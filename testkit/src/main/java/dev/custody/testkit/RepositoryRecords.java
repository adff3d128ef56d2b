package dev.custody.testkit;

import dev.custody.Bytes;
import dev.custody.Money;
import dev.custody.audio.AudioContainer;
import dev.custody.audio.AudioInfo;
import dev.custody.audio.AudioLimits;
import dev.custody.audio.QualityFigures;
import dev.custody.audio.SampleEncoding;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.consent.ConsentRight;
import dev.custody.consent.ConsentTerms;
import dev.custody.consent.LegalBasis;
import dev.custody.consent.TermsDraft;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.project.Commission;
import dev.custody.project.Organization;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sample records for repository tests: fresh random ids every call (so one database can serve a
 * whole test class), millisecond-precision times, and values chosen to catch lossy storage (no
 * defaults, fractions that are not exact in decimal, longs beyond the range of an int).
 */
public final class RepositoryRecords {
    /** A time with milliseconds, as stored. */
    public static final Instant T0 = Instant.ofEpochMilli(1_780_000_000_123L);

    /** Limits that differ from {@link AudioLimits#DEFAULT} in every field. */
    public static final AudioLimits LIMITS = new AudioLimits(
            22_050, 44_100, Duration.ofMillis(1_500), Duration.ofMillis(20_250), 8L << 20, 0.005, -42.5, 0.75, 12.25);

    private static final SecureRandom RANDOM = new SecureRandom();

    private RepositoryRecords() {}

    public static Instant at(long millisAfterT0) {
        return T0.plusMillis(millisAfterT0);
    }

    public static Bytes randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Bytes.copyOf(bytes);
    }

    public static Organization organization(String name) {
        return new Organization(OrganizationId.random(), name, T0);
    }

    public static Project project(OrganizationId organization, List<String> prompts) {
        return new Project(
                ProjectId.random(),
                organization,
                "Read-aloud, Welsh",
                prompts,
                3,
                Duration.ofDays(400).plusHours(5).plusMillis(7),
                LIMITS,
                new Commission("cy-GB", 12_500, 3, 2, Money.parse("0.35", "GBP")),
                new Purposes(Set.of(Purpose.ASR_TRAINING, Purpose.EVALUATION), Set.of(Purpose.VOICE_CLONING)),
                at(1));
    }

    public static Contributor activeContributor() {
        return activeContributor(at(2));
    }

    public static Contributor activeContributor(Instant createdAt) {
        return new Contributor(Pseudonym.random(), ContributorState.ACTIVE, createdAt, Optional.empty());
    }

    public static SealedIdentity sealedIdentity() {
        return new SealedIdentity(KekId.parse("local://identity;v=3"), randomBytes(61), randomBytes(83));
    }

    public static WrappedKey voiceKey() {
        return new WrappedKey(new KekId(URI.create("pkcs11://custody-voice"), 7), randomBytes(60));
    }

    /** A standing consent with a random terms hash, logged at a random ledger index beyond an int. */
    public static ConsentRecord consent(Pseudonym contributor, ProjectId project, int termsVersion, Instant givenAt) {
        return ConsentRecord.given(
                ConsentId.random(),
                contributor,
                project,
                termsVersion,
                randomBytes(32),
                givenAt,
                (1L << 33) + RANDOM.nextInt(1_000_000),
                Optional.empty());
    }

    /** Terms of {@code project} with a text that catches lossy storage (unicode, blank lines, no final LF). */
    public static ConsentTerms terms(Project project, int version) {
        return ConsentTerms.of(
                project,
                version,
                new TermsDraft(
                        Optional.empty(),
                        Optional.empty(),
                        List.of("Acme Voice Ltd", "Zoë Ó Súilleabháin — 日本語 🎙"),
                        Set.of(ConsentRight.WITHDRAWAL, ConsentRight.ERASURE, ConsentRight.ACCESS),
                        Set.of(LegalBasis.GDPR_ART_9_2_A),
                        "Version " + version + ".\n\n  Indented, \"quoted\", and\ttabbed.\nNo final newline"),
                at(10 + version));
    }

    /** A clip with digital silence as its RMS level and every other field away from its default. */
    public static Clip clip(ProjectId project, Pseudonym contributor, Instant createdAt) {
        return new Clip(
                ClipId.random(),
                project,
                contributor,
                2,
                new AudioInfo(AudioContainer.FLAC, SampleEncoding.PCM_24, 96_000, 2, 5_000_000_000L),
                11_500_000_000L,
                randomBytes(32),
                new QualityFigures(1.0 / 3, QualityFigures.SILENCE_DBFS, 0.1, 42.123456789012345),
                ClipState.PENDING_REVIEW,
                BlobId.random(),
                Optional.of(randomBytes(40)),
                createdAt);
    }

    public static Clip withState(Clip clip, ClipState state) {
        return new Clip(
                clip.id(),
                clip.project(),
                clip.contributor(),
                clip.promptIndex(),
                clip.audio(),
                clip.originalBytes(),
                clip.sha256(),
                clip.quality(),
                state,
                clip.blob(),
                state == ClipState.ERASED ? Optional.empty() : clip.keyHeader(),
                clip.createdAt());
    }
}
