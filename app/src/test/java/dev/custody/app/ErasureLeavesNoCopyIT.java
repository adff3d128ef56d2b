package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.ClientAddress;
import dev.custody.access.Principal;
import dev.custody.access.Username;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.consent.ConsentAct;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.store.MetadataStore;
import dev.custody.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure holds in every copy of the data folder taken once it is acknowledged: no file of the
 * folder (database, WAL, shared memory, anything) holds a byte of the erased wrapped keys, key
 * headers or sealed identities, and a copy opened with the right passphrase, with every blob put
 * back from before the erasure, opens none of the erased clips, with or without its WAL.
 */
class ErasureLeavesNoCopyIT {
    private static final ClientAddress LOCAL = new ClientAddress("127.0.0.1");

    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    SpineFixture fixture;
    Map<Path, byte[]> blobsBefore;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void contributorErasure_leavesNoKeyIdentityOrHeaderInAnyFile_andNoCopyOpensTheClips() {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        List<ClipId> clips = List.of(ingest(alice, 1), ingest(alice, 2));
        List<Bytes> secrets = secretsOf(alice, clips);
        snapshotBlobs();

        fixture.services.erasure().erase(ADMIN, alice);

        assertNoFileHolds(secrets);
        assertNoCopyOpens(clips);
    }

    @Test
    void contributorErasureOnAServingNode_isAcknowledgedWithKeyAndIdentityGone_theHeadersGoWithTheFollowUp() {
        fixture.services.erasure().followUpInBackground(() -> {});
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        List<ClipId> clips = List.of(ingest(alice, 1), ingest(alice, 2));
        List<Bytes> headers = headersOf(clips);
        List<Bytes> keyAndIdentity = secretsOf(alice, List.of());
        snapshotBlobs();

        assertThat(fixture.services.erasure().erase(ADMIN, alice)).isEqualTo(2);

        assertNoFileHolds(keyAndIdentity);
        assertThat(fixture.services.contributors().clips(ADMIN, alice))
                .as("every clip reads ERASED before the background pass")
                .allSatisfy(clip -> assertThat(clip.state()).isEqualTo(ClipState.ERASED));
        assertNoCopyOpens(clips);
        // A crash before the pass loses nothing: it resumes from the database after a restart.
        fixture.installation.close();
        try (var restarted = SpineFixture.open(fixture.dataFolder, SpineFixture.PASSPHRASE)) {
            assertThat(restarted.custody().services().erasure().followUp())
                    .as("the erased clips' blobs")
                    .isEqualTo(2);
            assertNoFileHolds(headers);
            assertThat(restarted.custody().services().erasure().followUp()).isZero();
        }
        fixture = new SpineFixture(temp.resolve("data-after"), clock);
    }

    @Test
    void accountDeletion_leavesNoKeyIdentityOrHeaderInAnyFile_andNoCopyOpensTheClips() {
        Principal dana = signUpAndConsent("dana");
        Pseudonym self = dana.contributor().orElseThrow();
        List<ClipId> clips = List.of(ingest(self, 3, dana), ingest(self, 4, dana));
        List<Bytes> secrets = secretsOf(self, clips);
        snapshotBlobs();

        fixture.services.withdrawal().deleteAccount(dana);

        assertNoFileHolds(secrets);
        assertNoCopyOpens(clips);
    }

    @Test
    void projectWithdrawal_leavesNoHeaderOfItsClipsInAnyFile_andNoCopyOpensThem() {
        Principal erin = signUpAndConsent("erin");
        Pseudonym self = erin.contributor().orElseThrow();
        List<ClipId> clips = List.of(ingest(self, 5, erin), ingest(self, 6, erin));
        List<Bytes> headers = headersOf(clips);
        snapshotBlobs();

        fixture.services.withdrawal().withdraw(erin, fixture.project.id());

        assertNoFileHolds(headers);
        assertNoCopyOpens(clips);
    }

    @Test
    void retentionRun_leavesNoHeaderOfExpiredClipsNorKeyOfInactiveContributors_andNoCopyOpensThem() {
        Pseudonym idle = fixture.consentingContributor("Idle Example");
        Pseudonym busy = fixture.consentingContributor("Busy Example");
        ClipId idleClip = ingest(idle, 7);
        clock.advance(Duration.ofDays(2 * 365));
        ClipId expired = ingest(busy, 8);
        clock.advance(Duration.ofDays(366));
        List<Bytes> secrets = new ArrayList<>(secretsOf(idle, List.of(idleClip)));
        secrets.addAll(headersOf(List.of(expired)));
        snapshotBlobs();

        var run = fixture.services.retention().run(ADMIN);

        assertThat(run.expiredClips())
                .as("both clips are past the project's year")
                .isEqualTo(2);
        assertThat(run.inactiveContributors()).isEqualTo(1);
        assertNoFileHolds(secrets);
        assertNoCopyOpens(List.of(idleClip, expired));
    }

    /** The wrapped voice key, both sealed identity fields and every clip's key header. */
    private List<Bytes> secretsOf(Pseudonym contributor, List<ClipId> clips) {
        List<Bytes> secrets = new ArrayList<>(headersOf(clips));
        metadata().inTransaction(r -> {
            secrets.add(r.contributors().voiceKey(contributor).orElseThrow().ciphertext());
            var identity = r.contributors().identity(contributor).orElseThrow();
            secrets.add(identity.name());
            secrets.add(identity.email());
            return null;
        });
        return secrets;
    }

    private List<Bytes> headersOf(List<ClipId> clips) {
        return metadata()
                .inTransaction(r -> clips.stream()
                        .map(id -> r.clips().find(id).orElseThrow().keyHeader().orElseThrow())
                        .toList());
    }

    private void assertNoFileHolds(List<Bytes> secrets) {
        List<Path> files = filesUnder(fixture.dataFolder);
        assertThat(files)
                .as("the database's WAL is part of what is scanned")
                .anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith("-wal"));
        for (Path file : files) {
            byte[] content = read(file);
            for (Bytes secret : secrets) {
                assertThat(indexOf(content, secret.toArray()))
                        .as("%s holds erased bytes %s", fixture.dataFolder.relativize(file), secret.hex())
                        .isEqualTo(-1);
            }
        }
    }

    /**
     * Copies the data folder as it is now, as a backup would, puts back every blob as it was
     * before the erasure, and opens the copy with the passphrase: with its WAL, and without it (a
     * copy of the main file alone).
     */
    private void assertNoCopyOpens(List<ClipId> clips) {
        for (boolean keepWal : List.of(true, false)) {
            Path copy = temp.resolve(keepWal ? "copy-with-wal" : "copy-without-wal");
            copyFolder(fixture.dataFolder, copy);
            if (!keepWal) {
                deleteIfExists(copy.resolve("custody.db-wal"));
                deleteIfExists(copy.resolve("custody.db-shm"));
            }
            blobsBefore.forEach((relative, bytes) -> write(copy.resolve(relative), bytes));
            try (var restored = SpineFixture.open(copy, SpineFixture.PASSPHRASE)) {
                for (ClipId clip : clips) {
                    assertThatThrownBy(() ->
                                    restored.custody().services().custodian().open(ADMIN, clip, "quality-check"))
                            .as("clip %s from a copy %s its WAL", clip, keepWal ? "with" : "without")
                            .isInstanceOfSatisfying(
                                    CustodyException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ERASED));
                }
            }
        }
    }

    private void snapshotBlobs() {
        blobsBefore = new HashMap<>();
        for (Path file : filesUnder(fixture.dataFolder)) {
            if (file.startsWith(fixture.dataFolder.resolve("blobs"))) {
                blobsBefore.put(fixture.dataFolder.relativize(file), read(file));
            }
        }
        assertThat(blobsBefore).isNotEmpty();
    }

    private Principal signUpAndConsent(String username) {
        var signedUp = fixture.services
                .signUp()
                .signUp(
                        new Username(username),
                        "a long walk by the river",
                        new Identity(username, username + "@example.org"),
                        LOCAL);
        Principal contributor =
                signedUp.account().principal(Principal.newRequestId()).speakingFor(signedUp.pseudonym());
        var terms = fixture.services.consent().currentTerms(contributor, fixture.project.id());
        fixture.services
                .consent()
                .consent(
                        contributor,
                        new ConsentAct(terms.project(), terms.version(), terms.sha256(), username + " Example", true));
        return contributor;
    }

    private ClipId ingest(Pseudonym contributor, long seed) {
        return fixture.ingest(contributor, SpineFixture.speech(seed)).clip().id();
    }

    private ClipId ingest(Pseudonym contributor, long seed, Principal caller) {
        return fixture.ingest(contributor, SpineFixture.speech(seed), caller)
                .clip()
                .id();
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }

    private static List<Path> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) {
        for (Path file : filesUnder(from)) {
            write(to.resolve(from.relativize(file)), read(file));
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
