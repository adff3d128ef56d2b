package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyPurpose;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Actor ACTOR = new Actor("usr_7", ActorRole.REVIEWER);
    private static final CheckpointSigners SIGNERS = KeyPairSigner.checkpointSigners("custody.example/ledger");

    private final InMemoryLedgerStore store = new InMemoryLedgerStore();
    private final Ledger ledger = Ledger.over(store);

    @Test
    void append_givesConsecutiveIndexes_andTheRootOfTheEntriesAsStored() {
        List<LedgerEntry> appended = appendSamples(600);

        assertThat(appended).extracting(LedgerEntry::index).containsExactlyElementsOf(indexes(600));
        List<Bytes> leaves = new ArrayList<>(store.entries.values())
                .stream().map(MerkleHashes::leafHash).toList();
        for (int size : new int[] {0, 1, 255, 256, 257, 511, 512, 513, 600}) {
            assertThat(ledger.root(size)).as("size %d", size).isEqualTo(NaiveMerkle.mth(leaves.subList(0, size)));
        }
        assertThat(ledger.entries(250, 260)).containsExactlyElementsOf(appended.subList(250, 260));
    }

    @Test
    void proofsFromTheLedger_verifyAgainstItsRoots() {
        appendSamples(700);
        Random random = new Random(7);
        for (int probe = 0; probe < 200; probe++) {
            long size = 1 + random.nextInt(700);
            long index = random.nextInt((int) size);
            Bytes leaf = MerkleHashes.leafHash(store.entries.get(index));
            ledger.inclusionProof(index, size).verify(leaf, ledger.root(size));
            long old = random.nextInt((int) size + 1);
            ledger.consistencyProof(old, size).verify(ledger.root(old), ledger.root(size));
        }
    }

    @Test
    void append_writesATileHashPer256Entries_andAProofReadsLogarithmicallyMany() {
        int n = 70_000;
        appendSamples(n);

        assertThat(store.tileWrites).isEqualTo(n / 256 + n / 65_536);
        store.reads = 0;
        ledger.inclusionProof(12_345, n);
        assertThat(store.reads).isLessThanOrEqualTo(2 * 17 + 2);
        store.reads = 0;
        ledger.consistencyProof(40_001, n);
        assertThat(store.reads).isLessThanOrEqualTo(2 * 17 + 2);
        store.reads = 0;
        ledger.root(n);
        assertThat(store.reads).isLessThanOrEqualTo(17);
    }

    @Test
    void issueCheckpoint_signsTheCurrentRoot_onceForEachSize() {
        appendSamples(10);
        Checkpoint first = ledger.issueCheckpoint(SIGNERS);
        Checkpoint again = ledger.issueCheckpoint(SIGNERS);
        appendSamples(3);
        Checkpoint later = ledger.issueCheckpoint(SIGNERS);

        CheckpointVerifier.of(SIGNERS.keys()).verify(first);
        assertThat(first.size()).isEqualTo(10);
        assertThat(first.rootHash()).isEqualTo(ledger.root(10));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(ledger.checkpoint(10)).contains(first);
        assertThat(ledger.latestCheckpoint()).contains(later);
        assertThat(store.checkpoints).hasSize(2);
    }

    @Test
    void rootsProofsAndRanges_outsideTheLog_areRefusedAsInvalidInput() {
        appendSamples(3);
        for (ThrowingCallable request : List.<ThrowingCallable>of(
                () -> ledger.root(4),
                () -> ledger.inclusionProof(3, 3),
                () -> ledger.inclusionProof(-1, 3),
                () -> ledger.consistencyProof(2, 4),
                () -> ledger.consistencyProof(3, 2),
                () -> ledger.entries(2, 1),
                () -> ledger.entries(0, 4),
                () -> ledger.indexOf(Bytes.fromHex("abcd")))) {
            assertThatThrownBy(request)
                    .isInstanceOf(CustodyException.class)
                    .extracting(e -> ((CustodyException) e).code())
                    .isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }

    @Test
    void aRecordedIndex_readsItsEntry_andOneTheLogLacksIsAnIntegrityFailure() {
        List<LedgerEntry> appended = appendSamples(3);

        assertThat(ledger.recordedEntry(1)).isEqualTo(appended.get(1));
        for (long missing : new long[] {3, -1}) {
            assertThatThrownBy(() -> ledger.recordedEntry(missing))
                    .isInstanceOf(CustodyException.class)
                    .extracting(e -> ((CustodyException) e).code())
                    .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }

    @Test
    void entries_areServedAtMostTenThousandAtATime() {
        appendSamples(Ledger.MAX_ENTRIES + 1);

        assertThat(ledger.entries(1, Ledger.MAX_ENTRIES + 1)).hasSize(Ledger.MAX_ENTRIES);
        assertThatThrownBy(() -> ledger.entries(0, Ledger.MAX_ENTRIES + 1)).isInstanceOf(CustodyException.class);
    }

    @Test
    void aboutContributor_findsExactlyTheEntriesNamingThem_newestFirst_pageByPage() {
        Pseudonym dana = Pseudonym.random();
        Pseudonym other = Pseudonym.random();
        ClipId clip = ClipId.random();
        ProjectId project = ProjectId.random();
        List<Long> danas = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Pseudonym who = i % 3 == 0 ? dana : other;
            LedgerEntry entry = append(new ClipOpened(clip, who, project));
            if (who.equals(dana)) {
                danas.add(entry.index());
            }
            append(new KeyCreated("local://voice", KeyPurpose.VOICE, i + 1));
        }
        List<Long> newestFirst = danas.reversed();

        List<LedgerEntry> firstPage = ledger.aboutContributor(dana, Long.MAX_VALUE, 4);
        List<LedgerEntry> rest =
                ledger.aboutContributor(dana, firstPage.getLast().index(), 1000);

        assertThat(firstPage).extracting(LedgerEntry::index).containsExactlyElementsOf(newestFirst.subList(0, 4));
        assertThat(rest).extracting(LedgerEntry::index).containsExactlyElementsOf(newestFirst.subList(4, 10));
        assertThat(rest)
                .allSatisfy(entry -> assertThat(entry.records(new ClipOpened(clip, dana, project)))
                        .isTrue());
        assertThat(store.pointers).containsOnlyKeys(dana.value(), other.value());
        assertThat(ledger.aboutContributor(Pseudonym.random(), Long.MAX_VALUE, 10))
                .isEmpty();
    }

    @Test
    void aboutContributor_refusesPagesOutsideItsBounds() {
        for (int limit : new int[] {0, -1, Ledger.PAGE + 1}) {
            assertThatThrownBy(() -> ledger.aboutContributor(Pseudonym.random(), Long.MAX_VALUE, limit))
                    .isInstanceOf(CustodyException.class)
                    .extracting(e -> ((CustodyException) e).code())
                    .isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }

    @Test
    void aboutContributor_aPointerToAnotherPersonsEntry_failsTheIntegrityCheck_insteadOfShowingIt() {
        Pseudonym dana = Pseudonym.random();
        LedgerEntry others = append(new ClipOpened(ClipId.random(), Pseudonym.random(), ProjectId.random()));
        store.pointToContributor(dana.value(), others.index());

        assertThatThrownBy(() -> ledger.aboutContributor(dana, Long.MAX_VALUE, 10))
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(ErrorCode.INTEGRITY_FAILURE);
    }

    private LedgerEntry append(LedgerEvent event) {
        return ledger.append(event, ACTOR, "review", "req_1", Instant.ofEpochMilli(1_000L));
    }

    private List<LedgerEntry> appendSamples(int count) {
        List<LedgerEvent> events = SampleEvents.all();
        List<LedgerEntry> appended = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            appended.add(ledger.append(
                    events.get(i % events.size()), ACTOR, "review", "req_" + i, Instant.ofEpochMilli(1_000L * i)));
        }
        return appended;
    }

    private static List<Long> indexes(int count) {
        List<Long> indexes = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            indexes.add(i);
        }
        return indexes;
    }
}
