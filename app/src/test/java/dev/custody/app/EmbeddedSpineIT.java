package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.ErasureCause;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSpineIT {
    @TempDir
    Path temp;

    SpineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void ingest_thenOpen_returnsExactlyTheUploadedBytes() {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        byte[] audio = SpineFixture.speech(1);

        var result = fixture.ingest(alice, audio);
        var opened = fixture.services.custodian().open(ADMIN, result.clip().id(), "quality-check");

        assertThat(opened.bytes()).isEqualTo(audio);
        assertThat(opened.mediaType()).isEqualTo("audio/wav");
        assertThat(result.receipt().receipt().audioSha256())
                .isEqualTo(result.clip().sha256());
        assertThat(result.clip().quality().rmsDbfs()).isBetween(-45.0, 0.0);
    }

    @Test
    void erasureWhileTheUploadRuns_refusesTheClip_andLeavesNoBlobAndNoRow() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        // Admission passed before the upload is read; the erasure comes while it is read.
        InputStream erasingUpload = new FilterInputStream(new ByteArrayInputStream(SpineFixture.speech(7))) {
            private boolean erased;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (!erased) {
                    erased = true;
                    fixture.services.erasure().erase(ADMIN, alice);
                }
                return super.read(buffer, offset, length);
            }
        };

        assertCode(
                () -> fixture.services
                        .ingest()
                        .ingest(ADMIN, new IngestRequest(fixture.project.id(), alice, 0), erasingUpload),
                ErrorCode.ERASED);

        assertThat(blobFiles()).isEmpty();
        List<Clip> clips = fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().byContributor(alice));
        assertThat(clips).isEmpty();
    }

    @Test
    void blobsOnDisk_holdNoPlaintext() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        byte[] audio = SpineFixture.speech(2);
        fixture.ingest(alice, audio);

        byte[] pcmWindow = java.util.Arrays.copyOfRange(audio, 4_000, 4_064);
        for (Path blob : blobFiles()) {
            assertThat(indexOf(Files.readAllBytes(blob), pcmWindow)).isEqualTo(-1);
        }
        assertThat(blobFiles()).hasSize(1);
    }

    @Test
    void erase_makesEveryClipUnreadable_evenFromCiphertextCopiedBefore() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        Pseudonym bob = fixture.consentingContributor("Bob Example");
        ClipId first = fixture.ingest(alice, SpineFixture.speech(3)).clip().id();
        ClipId second = fixture.ingest(alice, SpineFixture.speech(4)).clip().id();
        ClipId bobs = fixture.ingest(bob, SpineFixture.speech(5)).clip().id();
        Map<Path, byte[]> copies = new HashMap<>();
        for (Path blob : blobFiles()) {
            copies.put(blob, Files.readAllBytes(blob));
        }

        assertThat(fixture.services.erasure().erase(ADMIN, alice)).isEqualTo(2);
        assertThat(blobFiles()).hasSize(1);
        // An attacker restores every blob from a copy taken before the erasure.
        for (var copy : copies.entrySet()) {
            Files.write(copy.getKey(), copy.getValue());
        }

        assertCode(() -> fixture.services.custodian().open(ADMIN, first, "quality-check"), ErrorCode.ERASED);
        assertCode(() -> fixture.services.custodian().open(ADMIN, second, "quality-check"), ErrorCode.ERASED);
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, bobs, "quality-check")
                        .bytes())
                .isEqualTo(SpineFixture.speech(5));
        java.util.Optional<dev.custody.keys.WrappedKey> key = fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.contributors().voiceKey(alice));
        assertThat(key).isEmpty();
        assertCode(() -> fixture.ingest(alice, SpineFixture.speech(6)), ErrorCode.ERASED);
    }

    @Test
    void eraseClip_makesThatClipUnreadable_evenFromCopiedCiphertext_andKeepsTheOthers() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        ClipId erased = fixture.ingest(alice, SpineFixture.speech(3)).clip().id();
        ClipId kept = fixture.ingest(alice, SpineFixture.speech(4)).clip().id();
        Map<Path, byte[]> copies = new HashMap<>();
        for (Path blob : blobFiles()) {
            copies.put(blob, Files.readAllBytes(blob));
        }

        assertThat(eraseClip(erased)).isTrue();
        assertThat(blobFiles()).hasSize(1);
        for (var copy : copies.entrySet()) {
            Files.write(copy.getKey(), copy.getValue());
        }

        assertCode(() -> fixture.services.custodian().open(ADMIN, erased, "quality-check"), ErrorCode.ERASED);
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, kept, "quality-check")
                        .bytes())
                .isEqualTo(SpineFixture.speech(4));
        assertThat(eraseClip(erased)).isFalse();
    }

    private boolean eraseClip(ClipId clip) {
        return fixture.services
                .erasure()
                .inErasingTransaction(
                        ADMIN,
                        "withdrawal",
                        java.time.Instant.now(),
                        (r, erase) -> erase.clip(clip, ErasureCause.CONSENT_WITHDRAWN));
    }

    @Test
    void tamperedBlob_oneBitFlipped_failsIntegrityCheck() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        ClipId clip = fixture.ingest(alice, SpineFixture.speech(7)).clip().id();
        Path blob = blobFiles().getFirst();
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(blob, bytes);

        assertCode(() -> fixture.services.custodian().open(ADMIN, clip, "quality-check"), ErrorCode.INTEGRITY_FAILURE);
    }

    @Test
    void swappedBlobs_failIntegrityCheck_withinAndAcrossContributors() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        Pseudonym bob = fixture.consentingContributor("Bob Example");
        var a1 = fixture.ingest(alice, SpineFixture.speech(8)).clip();
        var a2 = fixture.ingest(alice, SpineFixture.speech(9)).clip();
        var b1 = fixture.ingest(bob, SpineFixture.speech(10)).clip();

        swap(blobFile(a1.blob().value()), blobFile(a2.blob().value()));
        assertCode(
                () -> fixture.services.custodian().open(ADMIN, a1.id(), "quality-check"), ErrorCode.INTEGRITY_FAILURE);
        assertCode(
                () -> fixture.services.custodian().open(ADMIN, a2.id(), "quality-check"), ErrorCode.INTEGRITY_FAILURE);

        swap(blobFile(a2.blob().value()), blobFile(b1.blob().value()));
        assertCode(
                () -> fixture.services.custodian().open(ADMIN, b1.id(), "quality-check"), ErrorCode.INTEGRITY_FAILURE);
    }

    @Test
    void uploadWithoutConsent_isRefused_andLeavesNothing() throws IOException {
        var stranger = fixture.services
                .contributors()
                .register(ADMIN, new dev.custody.contributor.Identity("Carol Example", "carol@example.org"))
                .pseudonym();

        assertCode(() -> fixture.ingest(stranger, SpineFixture.speech(11)), ErrorCode.CONSENT_REQUIRED);
        assertNothingStored(stranger);
    }

    @Test
    void rejectedAudio_leavesNoBlobAndNoRow() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");

        assertCode(() -> fixture.ingest(alice, new byte[0]), ErrorCode.AUDIO_MALFORMED);
        assertCode(() -> fixture.ingest(alice, "not audio at all".getBytes()), ErrorCode.AUDIO_UNSUPPORTED_FORMAT);
        assertCode(
                () -> fixture.ingest(
                        alice,
                        dev.custody.audio.WavEncoder.encode(
                                new float[16_000 * 2], 16_000, 1, dev.custody.audio.SampleEncoding.PCM_16)),
                ErrorCode.AUDIO_SILENT);
        assertNothingStored(alice);
    }

    @Test
    void oversizeUpload_isCutOffWithoutReadingItWhole() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        var endless = new CountingZeros();

        assertCode(
                () -> fixture.services
                        .ingest()
                        .ingest(ADMIN, new IngestRequest(fixture.project.id(), alice, 0), endless),
                ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(endless.served).isLessThanOrEqualTo(fixture.project.limits().maxUploadBytes() + 64 * 1024);
        assertNothingStored(alice);
    }

    @Test
    void pathLikeNames_areStoredAsText_andRefusedAsIds() {
        var organization = fixture.services.projects().createOrganization(ADMIN, "../../etc/passwd");
        assertThat(organization.name()).isEqualTo("../../etc/passwd");
        assertCode(() -> new Pseudonym("../../etc/passwd"), ErrorCode.INVALID_INPUT);
        assertCode(() -> new ClipId("clp_/../../../../../etc/passwd"), ErrorCode.INVALID_INPUT);
        assertThat(temp.resolve("etc")).doesNotExist();
    }

    @Test
    void dataFolderFiles_areReadableByTheirOwnerOnly() throws IOException {
        fixture.ingest(fixture.consentingContributor("Alice Example"), SpineFixture.speech(20));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(fixture.dataFolder)))
                .isEqualTo("rwx------");
        for (String name : List.of("custody.db", "keyring.sealed")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(fixture.dataFolder.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        for (Path blob : blobFiles()) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void secondInstance_onTheSameDataFolder_isRefused() {
        assertCode(() -> SpineFixture.open(fixture.dataFolder, SpineFixture.PASSPHRASE), ErrorCode.DATA_FOLDER_LOCKED);
    }

    @Test
    void reopen_keepsTheData_andWrongPassphraseIsRefusedWithoutTouchingTheKeyring() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        ClipId clip = fixture.ingest(alice, SpineFixture.speech(12)).clip().id();
        fixture.close();
        Path keyring = fixture.dataFolder.resolve("keyring.sealed");
        byte[] before = Files.readAllBytes(keyring);

        assertCode(() -> SpineFixture.open(fixture.dataFolder, "not the passphrase"), ErrorCode.WRONG_PASSPHRASE);
        assertThat(Files.readAllBytes(keyring)).isEqualTo(before);

        fixture = reopened();
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, clip, "quality-check")
                        .bytes())
                .isEqualTo(SpineFixture.speech(12));
        assertThat(fixture.installation.bootstrapToken()).isEmpty();
    }

    @Test
    void missingKeyring_isReported_andNeverRecreated() throws IOException {
        fixture.close();
        Files.delete(fixture.dataFolder.resolve("keyring.sealed"));

        assertCode(() -> SpineFixture.open(fixture.dataFolder, SpineFixture.PASSPHRASE), ErrorCode.KEYRING_MISSING);
        assertThat(fixture.dataFolder.resolve("keyring.sealed")).doesNotExist();
        fixture = new SpineFixture(temp.resolve("other"));
    }

    @Test
    void copyOfTheDataFolderAlone_yieldsNoVoiceAndNoName() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        byte[] audio = SpineFixture.speech(13);
        fixture.ingest(alice, audio);
        fixture.close();

        byte[] pcmWindow = java.util.Arrays.copyOfRange(audio, 8_000, 8_064);
        try (Stream<Path> files = Files.walk(fixture.dataFolder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, pcmWindow)).as(file.toString()).isEqualTo(-1);
                assertThat(indexOf(content, "Alice Example".getBytes()))
                        .as(file.toString())
                        .isEqualTo(-1);
                assertThat(indexOf(content, "alice.example@example.org".getBytes()))
                        .as(file.toString())
                        .isEqualTo(-1);
            }
        }
        Path copy = temp.resolve("stolen");
        copyFolder(fixture.dataFolder, copy);
        Files.delete(copy.resolve("custody.lock"));
        var thiefEnvironment =
                Map.of("CUSTODY_CONFIG_HOME", temp.resolve("thief-config").toString());
        assertCode(
                () -> EmbeddedInstallation.open(
                        copy, thiefEnvironment, TestArgon2.parameters(), java.time.Clock.systemUTC()),
                ErrorCode.WRONG_PASSPHRASE);
        fixture = reopened();
    }

    private SpineFixture reopened() {
        return new SpineFixture(fixture.dataFolder);
    }

    private void assertNothingStored(Pseudonym contributor) throws IOException {
        assertThat(blobFiles()).isEmpty();
        assertThat(fixture.services.contributors().clips(ADMIN, contributor)).isEmpty();
        try (Stream<Path> tmp = Files.list(fixture.dataFolder.resolve("blobs").resolve("tmp"))) {
            assertThat(tmp.toList()).isEmpty();
        }
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(fixture.dataFolder.resolve("blobs").resolve("objects"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path blobFile(String name) throws IOException {
        return blobFiles().stream()
                .filter(p -> p.getFileName().toString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void swap(Path a, Path b) throws IOException {
        byte[] aBytes = Files.readAllBytes(a);
        Files.write(a, Files.readAllBytes(b));
        Files.write(b, aBytes);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** An upload that never ends, counting what it served. */
    private static final class CountingZeros extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
