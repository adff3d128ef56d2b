package dev.custody.app;

import static dev.custody.app.EmbeddedSpineIT.assertCode;
import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.audit.IntegrityAlarm;
import dev.custody.clip.Clip;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Action;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering at rest raises the alarm: each failed check is a WARN line naming the clip (and no
 * secret), an {@code IntegrityFailed} ledger entry, and an item of the security officer's list; an
 * opening records its outcome, delivered or refused, before any byte leaves.
 */
class IntegrityAlarmIT {
    private static final Principal OFFICER = Principal.of("acc_officer", Role.SECURITY_OFFICER, Optional.empty());

    @TempDir
    Path temp;

    SpineFixture fixture;
    final List<String> warnings = new ArrayList<>();
    final Logger alarmLog = Logger.getLogger(IntegrityAlarm.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
        alarmLog.addHandler(capture);
    }

    @AfterEach
    void close() {
        alarmLog.removeHandler(capture);
        fixture.close();
    }

    @Test
    void deliveredOpen_isLoggedBeforeTheKeyIsUnwrapped_andItsOutcomeBeforeAnyByteLeaves() {
        Clip clip = ingest("Alice Example", 1);

        fixture.services.custodian().open(ADMIN, clip.id(), "quality-check");

        List<LedgerEntry> tail = lastEntries(2);
        assertThat(tail).extracting(LedgerEntry::action).containsExactly(Action.CLIP_OPENED, Action.CLIP_OPEN_ENDED);
        assertThat(tail.getLast().subjects()).contains(new Subject(SubjectKind.OUTCOME, "DELIVERED"));
        assertThat(tail.getLast().requestId()).isEqualTo(tail.getFirst().requestId());
        assertThat(warnings).isEmpty();
        assertThat(failures(100)).isEmpty();
    }

    @Test
    void flippedBit_raisesTheAlarm_andTheOpenEndsRefused() throws IOException {
        Clip clip = ingest("Alice Example", 2);
        Path blob = blobFile(clip);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(blob, bytes);

        assertCode(
                () -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"),
                ErrorCode.INTEGRITY_FAILURE);

        assertAlarm(clip, "blob");
        List<LedgerEntry> tail = lastEntries(3);
        assertThat(tail)
                .extracting(LedgerEntry::action)
                .containsExactly(Action.CLIP_OPENED, Action.INTEGRITY_FAILED, Action.CLIP_OPEN_ENDED);
        assertThat(tail.getLast().subjects()).contains(new Subject(SubjectKind.OUTCOME, "INTEGRITY_FAILURE"));
    }

    @Test
    void truncatedBlob_raisesTheAlarm() throws IOException {
        Clip clip = ingest("Alice Example", 3);
        Path blob = blobFile(clip);
        byte[] bytes = Files.readAllBytes(blob);
        Files.write(blob, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertCode(
                () -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"),
                ErrorCode.INTEGRITY_FAILURE);

        assertAlarm(clip, "blob");
    }

    @Test
    void swappedBlobs_raiseTheAlarm_forEachClip() throws IOException {
        Clip a = ingest("Alice Example", 4);
        Clip b = ingest("Bob Example", 5);
        byte[] aBytes = Files.readAllBytes(blobFile(a));
        Files.write(blobFile(a), Files.readAllBytes(blobFile(b)));
        Files.write(blobFile(b), aBytes);

        assertCode(
                () -> fixture.services.custodian().open(ADMIN, a.id(), "quality-check"), ErrorCode.INTEGRITY_FAILURE);
        assertCode(
                () -> fixture.services.custodian().open(ADMIN, b.id(), "quality-check"), ErrorCode.INTEGRITY_FAILURE);

        assertThat(failures(100))
                .extracting(entry -> entry.subjects().get(1).id())
                .containsExactly(b.id().value(), a.id().value());
    }

    @Test
    void missingBlobOfALiveClip_isAnIntegrityFailure_notNotFound() throws IOException {
        Clip clip = ingest("Alice Example", 6);
        Files.delete(blobFile(clip));

        assertCode(
                () -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"),
                ErrorCode.INTEGRITY_FAILURE);

        assertAlarm(clip, "blob-missing");
    }

    @Test
    void wrappedKeyThatDoesNotUnwrap_raisesTheAlarm() throws SQLException {
        Clip clip = ingest("Alice Example", 7);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + fixture.dataFolder.resolve("custody.db"));
                var read =
                        connection.prepareStatement("SELECT wrapped FROM contributor_voice_keys WHERE pseudonym = ?");
                var write = connection.prepareStatement(
                        "UPDATE contributor_voice_keys SET wrapped = ? WHERE pseudonym = ?")) {
            read.setString(1, clip.contributor().value());
            byte[] wrapped;
            try (var rows = read.executeQuery()) {
                rows.next();
                wrapped = rows.getBytes(1);
            }
            wrapped[wrapped.length - 5] ^= 0x01;
            write.setBytes(1, wrapped);
            write.setString(2, clip.contributor().value());
            assertThat(write.executeUpdate()).isEqualTo(1);
        }

        assertCode(
                () -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"),
                ErrorCode.INTEGRITY_FAILURE);

        assertAlarm(clip, "key-unwrap");
    }

    @Test
    void failuresList_isNewestFirst_paged_andForSecurityOfficersAndAuditorsOnly() throws IOException {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Clip clip = ingest("Contributor " + (char) ('A' + i), 10 + i);
            Files.delete(blobFile(clip));
            assertCode(
                    () -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"),
                    ErrorCode.INTEGRITY_FAILURE);
            clips.add(clip);
        }

        var first = fixture.services.integrity().failures(OFFICER, Long.MAX_VALUE, 2);
        var second = fixture.services.integrity().failures(OFFICER, first.next().orElseThrow(), 2);

        assertThat(first.entries())
                .extracting(entry -> entry.subjects().get(1).id())
                .containsExactly(clips.get(2).id().value(), clips.get(1).id().value());
        assertThat(second.entries())
                .extracting(entry -> entry.subjects().get(1).id())
                .containsExactly(clips.get(0).id().value());
        assertThat(second.next()).isEmpty();
        var auditor = Principal.of("acc_auditor", Role.AUDITOR, Optional.empty());
        assertThat(fixture.services
                        .integrity()
                        .failures(auditor, Long.MAX_VALUE, 10)
                        .entries())
                .hasSize(3);
        for (Role role : List.of(Role.OPERATOR, Role.REVIEWER)) {
            var caller = Principal.of("acc_other", role, Optional.empty());
            assertCode(() -> fixture.services.integrity().failures(caller, Long.MAX_VALUE, 10), ErrorCode.FORBIDDEN);
        }
        assertCode(() -> fixture.services.integrity().failures(OFFICER, Long.MAX_VALUE, 0), ErrorCode.INVALID_INPUT);
    }

    @Test
    void erasedClipWithItsBlobGone_isErased_notAnAlarm() throws IOException {
        Clip clip = ingest("Alice Example", 20);
        fixture.services.erasure().erase(ADMIN, clip.contributor());
        try (Stream<Path> files = Files.walk(fixture.dataFolder.resolve("blobs").resolve("objects"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the erasure deleted the blob")
                    .doesNotContain(clip.blob().value());
        }

        assertCode(() -> fixture.services.custodian().open(ADMIN, clip.id(), "quality-check"), ErrorCode.ERASED);

        assertThat(failures(100)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    private void assertAlarm(Clip clip, String check) {
        List<LedgerEntry> failures = failures(100);
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst().subjects())
                .containsExactly(
                        new Subject(SubjectKind.CHECK, check),
                        new Subject(SubjectKind.CLIP, clip.id().value()),
                        new Subject(SubjectKind.CONTRIBUTOR, clip.contributor().value()),
                        new Subject(SubjectKind.PROJECT, clip.project().value()));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst())
                .contains("integrity check failed", check, clip.id().value());
        // No secret: neither the wrapped key nor the key header appears in the line.
        String line = warnings.getFirst().toLowerCase();
        clip.keyHeader().ifPresent(header -> assertThat(line).doesNotContain(header.hex()));
    }

    private List<LedgerEntry> failures(int limit) {
        return fixture.services
                .integrity()
                .failures(OFFICER, Long.MAX_VALUE, limit)
                .entries();
    }

    private List<LedgerEntry> lastEntries(int count) {
        long size = fixture.services.ledger().status().size();
        return fixture.services.ledger().entries(ADMIN, size - count, size);
    }

    private Clip ingest(String name, long seed) {
        Pseudonym contributor = fixture.consentingContributor(name);
        return fixture.ingest(contributor, SpineFixture.speech(seed)).clip();
    }

    private Path blobFile(Clip clip) throws IOException {
        try (Stream<Path> files = Files.walk(fixture.dataFolder.resolve("blobs").resolve("objects"))) {
            return files.filter(
                            p -> p.getFileName().toString().equals(clip.blob().value()))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
