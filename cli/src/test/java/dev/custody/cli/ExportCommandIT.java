package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.Sha256;
import dev.custody.access.AccountId;
import dev.custody.access.NewAccount;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.GrantId;
import dev.custody.grant.NewGrant;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.testkit.CustodyProcess;
import dev.custody.testkit.ProjectPlans;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custody export --grant} delivers a grant's clips as its data consumer, resumes, verifies
 * offline, records who holds each clip, and refuses a grant that no longer delivers.
 */
class ExportCommandIT {
    private static final Map<String, String> ENV = Map.of("CUSTODY_PASSPHRASE", "a passphrase for this test only");

    @TempDir
    Path temp;

    @Test
    void export_deliversTheGrantsClips_resumes_verifies_andRecordsTheHolder() throws Exception {
        Path data = temp.resolve("data");
        Path keys = temp.resolve("keys.txt");
        Fixture fixture = fixture(data, 5, 3, keys, Clock.systemUTC(), 2, Duration.ofDays(30));
        Path out = temp.resolve("delivery");
        Path other = temp.resolve("other-delivery");

        var first = export(data, fixture.grants().get(0), out);
        var again = export(data, fixture.grants().get(0), out);
        var otherGrant = export(data, fixture.grants().get(1), other);
        var verified = run("verify", "dataset", out.toString(), "--keys", keys.toString());

        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains("Delivered 3 clips in 2 shards (2 written by this run");
        assertThat(again.output()).contains("Delivered 3 clips in 2 shards (0 written by this run");
        assertThat(otherGrant.status()).as(otherGrant.output()).isZero();
        assertThat(verified.status()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Dataset verified: 3 samples in 2 shards");
        Set<String> mine = sampleKeys(out);
        Set<String> theirs = sampleKeys(other);
        assertThat(mine).hasSize(3);
        assertThat(theirs).hasSize(3).doesNotContainAnyElementsOf(mine);
        // Gil's consent was recorded by staff from a paper form: each sample says so, under the signature.
        assertThat(new ObjectMapper()
                        .readTree(out.resolve("provenance.json").toFile())
                        .findValues("consentRecordedByStaff"))
                .hasSize(3)
                .allSatisfy(flag -> assertThat(flag.booleanValue()).isTrue());
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), Clock.systemUTC())) {
            var grants = installation.custody().services().grants();
            for (ClipId clip : fixture.accepted()) {
                assertThat(grants.holders(clip)).containsExactlyInAnyOrderElementsOf(fixture.grants());
            }
            assertThat(grants.holders(fixture.rejected().getFirst())).isEmpty();
        }
    }

    @Test
    void export_ofASuspendedOrRevokedGrant_isRefused_andWritesNothing() throws Exception {
        Path data = temp.resolve("data");
        Fixture fixture = fixture(data, 1, 1, temp.resolve("keys.txt"), Clock.systemUTC(), 2, Duration.ofDays(30));
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), Clock.systemUTC())) {
            var grants = installation.custody().services().grants();
            grants.suspend(Principal.bootstrapAdmin(), fixture.grants().get(0));
            grants.revoke(Principal.bootstrapAdmin(), fixture.grants().get(1));
        }

        for (GrantId grant : fixture.grants()) {
            Path out = temp.resolve("delivery-" + grant.value());
            var refused = export(data, grant, out);

            assertThat(refused.status()).as(refused.output()).isEqualTo(5);
            assertThat(refused.output()).contains("GRANT_INACTIVE");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void export_ofAnExpiredGrant_isRefused_andWritesNothing() throws Exception {
        Path data = temp.resolve("data");
        // The grant was made ten days ago and ran for one day.
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), ZoneOffset.UTC);
        Fixture fixture = fixture(data, 1, 1, temp.resolve("keys.txt"), past, 1, Duration.ofDays(1));
        Path out = temp.resolve("delivery");

        var refused = export(data, fixture.grants().getFirst(), out);

        assertThat(refused.status()).as(refused.output()).isEqualTo(5);
        assertThat(refused.output()).contains("GRANT_INACTIVE");
        assertThat(out).doesNotExist();
    }

    @Test
    void export_forAPurposeTheGrantDoesNotName_isRefused_andWritesNothing() throws Exception {
        Path data = temp.resolve("data");
        Fixture fixture = fixture(data, 1, 1, temp.resolve("keys.txt"), Clock.systemUTC(), 1, Duration.ofDays(30));
        Path out = temp.resolve("delivery");

        var refused = run(
                "export",
                "--data",
                data.toString(),
                "--grant",
                fixture.grants().getFirst().value(),
                "--purpose",
                "voice-cloning",
                "--out",
                out.toString());

        assertThat(refused.status()).isEqualTo(5);
        assertThat(refused.output()).contains("PURPOSE_NOT_CONSENTED", "does not name the purpose voice-cloning");
        assertThat(out).doesNotExist();
    }

    @Test
    void export_asTheGrantsClientAdmin_isRefused_andWritesNothing() throws Exception {
        Path data = temp.resolve("data");
        Fixture fixture = fixture(data, 1, 1, temp.resolve("keys.txt"), Clock.systemUTC(), 1, Duration.ofDays(30));
        GrantId grant = fixture.grants().getFirst();
        String clientAdmin;
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), Clock.systemUTC())) {
            var services = installation.custody().services();
            var organization =
                    services.grants().find(Principal.bootstrapAdmin(), grant).organization();
            clientAdmin = services.accounts()
                    .create(
                            Principal.bootstrapAdmin(),
                            new NewAccount(
                                    new Username("acme-admin"),
                                    "violet kettle under the stairs",
                                    Role.CLIENT_ADMIN,
                                    Optional.of(organization)))
                    .account()
                    .id()
                    .value();
        }
        Path out = temp.resolve("delivery");

        var refused = run(
                "export",
                "--data",
                data.toString(),
                "--grant",
                grant.value(),
                "--as",
                clientAdmin,
                "--out",
                out.toString());

        assertThat(refused.status()).as(refused.output()).isEqualTo(5);
        assertThat(refused.output()).contains("FORBIDDEN");
        assertThat(out).doesNotExist();
    }

    @Test
    void verifyWithTheFeed_listsTheKeysOfAWithdrawnContributor_andRefusesAForgedOrForeignFeed() throws Exception {
        Path data = temp.resolve("data");
        Path keys = temp.resolve("keys.txt");
        Fixture fixture = fixture(data, 3, 2, keys, Clock.systemUTC(), 2, Duration.ofDays(30));
        GrantId grant = fixture.grants().getFirst();
        Path out = temp.resolve("delivery");
        assertThat(export(data, grant, out).status()).isZero();
        Path feed = temp.resolve("feed-page.txt");
        Path empty = temp.resolve("feed-empty.txt");
        Path forged = temp.resolve("feed-forged.txt");
        Path foreign = temp.resolve("feed-other-grant.txt");
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), Clock.systemUTC())) {
            var services = installation.custody().services();
            var consumer = Principal.of(
                    fixture.consumer().value(),
                    Role.DATA_CONSUMER,
                    Optional.of(services.grants()
                            .find(Principal.bootstrapAdmin(), grant)
                            .organization()));
            Files.writeString(empty, services.revocations().read(consumer, grant, 0, 100));
            var contributor =
                    Principal.of("acc-gil", Role.CONTRIBUTOR, Optional.empty()).speakingFor(fixture.contributor());
            services.withdrawal().withdraw(contributor, fixture.project());
            String page = services.revocations().read(consumer, grant, 0, 100);
            Files.writeString(feed, page);
            String firstKey =
                    services.grantKeys().sampleKey(grant, fixture.accepted().getFirst());
            Files.writeString(forged, page.replace(firstKey, firstKey.substring(1) + "0"));
            Files.writeString(
                    foreign,
                    services.revocations().read(consumer, fixture.grants().get(1), 0, 100));
        }
        Set<String> delivered = sampleKeys(out);

        var listed = verifyWithFeed(out, keys, empty, feed);
        var refused = verifyWithFeed(out, keys, forged);
        var other = verifyWithFeed(out, keys, foreign);

        assertThat(listed.status()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("Revocation feed verified: 2 delivered keys must now be deleted.");
        for (String key : delivered) {
            assertThat(listed.output()).contains("revoked " + key + " ERASED");
        }
        assertThat(refused.status()).isEqualTo(10);
        assertThat(refused.output()).contains("INTEGRITY_FAILURE", "revocation feed page 1 does not verify");
        assertThat(other.status()).isEqualTo(10);
        assertThat(other.output()).contains("is the feed of another grant");
    }

    private static Run verifyWithFeed(Path delivery, Path keys, Path... pages) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("verify", "dataset", delivery.toString(), "--keys", keys.toString()));
        for (Path page : pages) {
            args.add("--feed");
            args.add(page.toString());
        }
        return run(args.toArray(String[]::new));
    }

    private static Run export(Path data, GrantId grant, Path out) throws Exception {
        return run(
                "export",
                "--data",
                data.toString(),
                "--grant",
                grant.value(),
                "--out",
                out.toString(),
                "--shard-size",
                "200000");
    }

    static Set<String> sampleKeys(Path delivery) throws Exception {
        Set<String> keys = new HashSet<>();
        new ObjectMapper()
                .readTree(delivery.resolve("provenance.json").toFile())
                .path("samples")
                .forEach(s -> keys.add(s.path("key").asText()));
        return keys;
    }

    /** The project's clips (accepted and not), and the grants made for one data consumer. */
    record Fixture(
            ProjectId project,
            Pseudonym contributor,
            AccountId consumer,
            List<ClipId> accepted,
            List<ClipId> rejected,
            List<GrantId> grants) {}

    /**
     * A project with {@code clips} ingested clips, of which the first {@code accepted} are accepted,
     * and {@code grants} grants of it for asr-training to one data consumer, each running for {@code
     * term} from {@code clock}'s now; writes the published keys to {@code keys}.
     */
    static Fixture fixture(Path data, int clips, int accepted, Path keys, Clock clock, int grants, Duration term)
            throws Exception {
        try (var installation = EmbeddedInstallation.open(data, ENV, TestArgon2.parameters(), clock)) {
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
            List<ClipId> acceptedClips = new ArrayList<>();
            List<ClipId> rejectedClips = new ArrayList<>();
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
                    acceptedClips.add(clip.id());
                } else {
                    rejectedClips.add(clip.id());
                }
            }
            var consumer = services.accounts()
                    .create(
                            admin,
                            new NewAccount(
                                    new Username("buyer"),
                                    "violet kettle under the stairs",
                                    Role.DATA_CONSUMER,
                                    Optional.of(org.id())))
                    .account();
            List<GrantId> made = new ArrayList<>();
            for (int g = 0; g < grants; g++) {
                made.add(services.grants()
                        .create(
                                admin,
                                org.id(),
                                new NewGrant(
                                        project.id(),
                                        consumer.id(),
                                        Set.of(Purpose.of("asr-training")),
                                        clock.instant().plus(term),
                                        new GrantBudget(100_000_000, 100_000_000, 100_000_000, 100, 100, 100),
                                        new BuyerCommitments(14, true, true, true)))
                        .id());
            }
            Files.writeString(keys, services.ledger().keys().toText());
            return new Fixture(
                    project.id(), contributor.pseudonym(), consumer.id(), acceptedClips, rejectedClips, made);
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
