package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.ClientAddress;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.audit.ReceiptCheck;
import dev.custody.clip.ClipAudio;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.ledger.Action;
import dev.custody.ledger.ClipOpenEnded;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.payout.Earnings;
import dev.custody.rights.ContributorRights;
import dev.custody.rights.ExportArchive;
import dev.custody.rights.HistoryItem;
import dev.custody.rights.HistoryPage;
import dev.custody.rights.MyClip;
import dev.custody.store.MetadataStore;
import dev.custody.testkit.RepositoryRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contributor rights service and the custodian's part in it, called directly. */
class ContributorRightsServiceIT {
    private static final ClientAddress LOCAL = new ClientAddress("127.0.0.1");

    @TempDir
    Path temp;

    SpineFixture fixture;
    ContributorRights rights;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
        rights = fixture.services.rights();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyoneButTheContributorThemself_isRefused_andOnlyTheCustodiansRefusalsAreLogged() {
        Principal robin = contributor("robin");
        ClipId clip =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(1)).clip().id();
        Principal sam = contributor("sam");
        Principal reviewer = Principal.of("acc_" + "a".repeat(26), Role.REVIEWER, Optional.empty());
        long before = ledgerSize();

        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> rights.clips(ADMIN),
                () -> rights.clips(reviewer),
                () -> rights.history(reviewer, Long.MAX_VALUE, 10),
                () -> rights.export(ADMIN, new RecordingArchive()),
                () -> rights.clip(sam, clip),
                () -> rights.clipHistory(sam, clip, Long.MAX_VALUE, 10),
                () -> rights.clip(sam, ClipId.random()))) {
            assertFails(call, ErrorCode.FORBIDDEN);
        }
        assertThat(ledgerSize()).isEqualTo(before);
        // The custodian refuses alike another's clip and one that does not exist, and logs each refusal.
        assertFails(
                () -> fixture.services.custodian().open(sam, clip, ContributorRights.PORTABILITY), ErrorCode.FORBIDDEN);
        assertFails(
                () -> fixture.services.custodian().open(sam, ClipId.random(), ContributorRights.PORTABILITY),
                ErrorCode.FORBIDDEN);
        assertThat(ledgerSize()).isEqualTo(before + 2);
    }

    @Test
    void receipts_areRebuiltFromTheRecordedIngestEntry_orFoundInTheHistoryForClipsStoredWithoutOne() {
        Principal robin = contributor("robin");
        ClipId recorded =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(1)).clip().id();
        ClipId older =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(2)).clip().id();
        Map<ClipId, Long> entries = metadata().inTransaction(r -> r.clips().ingestEntries(Set.of(recorded)));
        LedgerEntry logged = metadata()
                .inTransaction(r -> r.ledger().entries(entries.get(recorded), entries.get(recorded) + 1))
                .getFirst();
        assertThat(logged.action()).isEqualTo(Action.CLIP_INGESTED);
        assertThat(logged.subjects().toString()).contains(recorded.value());
        // As a clip stored before ingest entries were recorded on clips.
        jdbc().inJdbcTransaction(r -> r.handle()
                .createUpdate("UPDATE clips SET ingest_entry = NULL WHERE id = :id")
                .bind("id", older.value())
                .execute());

        var keys = fixture.services.ledger().keys();
        List<MyClip> listed = rights.clips(robin);

        assertThat(listed).extracting(mine -> mine.clip().id()).containsExactlyInAnyOrder(recorded, older);
        for (var mine : listed) {
            LedgerEntry entry = ReceiptCheck.verify(mine.receipt(), keys);
            assertThat(entry.subjects().toString()).contains(mine.clip().id().value());
        }
    }

    @Test
    void aRecordedIngestEntryThatIsNotTheClips_failsIntegrity_insteadOfProvingAnotherEntry() {
        Principal robin = contributor("robin");
        ClipId clip =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(1)).clip().id();
        long size = ledgerSize();

        for (long wrong : new long[] {0, size + 10}) {
            metadata().useTransaction(r -> {
                r.clips().recordIngestEntry(clip, wrong);
            });

            assertFails(() -> rights.clips(robin), ErrorCode.INTEGRITY_FAILURE);
        }
    }

    @Test
    void aClipsHistory_isFoundBehindPagesOfTheContributorsOtherEntries() {
        Principal robin = contributor("robin");
        ClipId old =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(1)).clip().id();
        ClipId busy =
                fixture.ingest(pseudonym(robin), SpineFixture.speech(2)).clip().id();
        int openings = 1_200;
        metadata().useTransaction(r -> {
            for (int i = 0; i < openings; i++) {
                r.ledger()
                        .append(
                                new ClipOpened(busy, pseudonym(robin), fixture.project.id()),
                                ADMIN.actor(),
                                "review",
                                ADMIN.requestId(),
                                Instant.now());
            }
        });

        HistoryPage oldHistory = rights.clipHistory(robin, old, Long.MAX_VALUE, 10);
        HistoryPage busyFirst = rights.clipHistory(robin, busy, Long.MAX_VALUE, 500);
        HistoryPage busyRest = rights.clipHistory(robin, busy, busyFirst.next().orElseThrow(), 500);

        assertThat(oldHistory.items())
                .singleElement()
                .satisfies(item -> assertThat(item.entry().action()).isEqualTo(Action.CLIP_INGESTED));
        assertThat(oldHistory.next()).isEmpty();
        assertThat(busyFirst.items()).hasSize(500);
        assertThat(busyRest.items()).hasSize(500);
        assertThat(busyRest.items().getFirst().entry().index())
                .isLessThan(busyFirst.items().getLast().entry().index());
        assertThat(rights.history(robin, Long.MAX_VALUE, 500).items()).hasSize(500);
    }

    @Test
    void export_writesItsPartsInOrder_andItsHistoryHoldsTheExportsOwnOpenings() {
        Principal robin = contributor("robin");
        byte[] first = SpineFixture.speech(1);
        byte[] second = SpineFixture.speech(2);
        fixture.ingest(pseudonym(robin), first);
        fixture.ingest(pseudonym(robin), second);
        var archive = new RecordingArchive();

        rights.export(robin, archive);

        assertThat(archive.parts).containsExactly("recording", "recording", "clips", "consents", "earnings", "history");
        assertThat(archive.audio).containsExactlyInAnyOrder(first, second);
        assertThat(archive.recorded).hasSize(2);
        // Each opening, newest first: how it ended (delivered), then the opening itself.
        assertThat(archive.history.subList(0, 4))
                .extracting(item -> item.entry().action())
                .containsExactly(
                        Action.CLIP_OPEN_ENDED, Action.CLIP_OPENED, Action.CLIP_OPEN_ENDED, Action.CLIP_OPENED);
        assertThat(archive.history.subList(0, 4)).allSatisfy(item -> {
            assertThat(item.entry().purpose()).isEqualTo(ContributorRights.PORTABILITY);
            assertThat(item.byYou()).isTrue();
        });
        assertThat(archive.history.get(0).entry().subjects())
                .contains(new Subject(SubjectKind.OUTCOME, ClipOpenEnded.DELIVERED));
    }

    @Test
    void export_thatCannotProveAClip_failsBeforeWritingAnything() {
        Principal robin = contributor("robin");
        fixture.ingest(pseudonym(robin), SpineFixture.speech(1));
        // A clip row the ledger never recorded: its receipt cannot be built.
        metadata().useTransaction(r -> {
            r.clips().insert(RepositoryRecords.clip(fixture.project.id(), pseudonym(robin), Instant.now()));
        });
        var archive = new RecordingArchive();
        long before = ledgerSize();

        assertFails(() -> rights.export(robin, archive), ErrorCode.INTEGRITY_FAILURE);

        assertThat(archive.parts).isEmpty();
        assertThat(ledgerSize()).isEqualTo(before);
    }

    /** A contributor who signed up and consented to the fixture's project, as their requests act. */
    private Principal contributor(String username) {
        var signedUp = fixture.services
                .signUp()
                .signUp(
                        new Username(username),
                        "violet kettle under the stairs",
                        new Identity("Robin", username + "@example.org"),
                        LOCAL);
        PaperConsents.record(fixture.services, signedUp.pseudonym(), fixture.project.id());
        return signedUp.account().principal(Principal.newRequestId()).speakingFor(signedUp.pseudonym());
    }

    private static Pseudonym pseudonym(Principal principal) {
        return principal.contributor().orElseThrow();
    }

    private long ledgerSize() {
        return metadata().inTransaction(r -> r.ledger().size());
    }

    private JdbcMetadataStore jdbc() {
        return (JdbcMetadataStore) metadata();
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Remembers what an export wrote, part by part. */
    private static final class RecordingArchive implements ExportArchive {
        final List<String> parts = new ArrayList<>();
        final List<byte[]> audio = new ArrayList<>();
        final List<HistoryItem> history = new ArrayList<>();
        Set<ClipId> recorded = Set.of();

        @Override
        public void recording(ClipAudio clip) {
            parts.add("recording");
            audio.add(clip.bytes());
        }

        @Override
        public void clips(List<MyClip> clips, Set<ClipId> recorded) {
            parts.add("clips");
            this.recorded = recorded;
        }

        @Override
        public void consents(List<ConsentRecord> consents) {
            parts.add("consents");
        }

        @Override
        public void earnings(Earnings earnings) {
            parts.add("earnings");
        }

        @Override
        public void history(Iterator<HistoryItem> items) {
            parts.add("history");
            items.forEachRemaining(history::add);
        }
    }
}
