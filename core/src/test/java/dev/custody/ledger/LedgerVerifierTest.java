package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import dev.custody.ledger.LedgerVerification.Failed;
import dev.custody.ledger.LedgerVerification.Problem;
import dev.custody.ledger.LedgerVerification.Verified;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier on exports of a 12-entry log with a checkpoint after every append, so that
 * each kind of tampering is located exactly.
 */
class LedgerVerifierTest {
    private static final CheckpointSigners SIGNERS = KeyPairSigner.checkpointSigners("custody.example/ledger");
    private static final LedgerVerifier VERIFIER = LedgerVerifier.of(SIGNERS.keys());
    private static final Actor ACTOR = new Actor("usr_7", ActorRole.REVIEWER);
    private static final int SIZE = 12;

    private final InMemoryLedgerStore store = new InMemoryLedgerStore();
    private final Ledger ledger = Ledger.over(store);

    LedgerVerifierTest() {
        List<LedgerEvent> events = SampleEvents.all();
        for (int i = 0; i < SIZE; i++) {
            ledger.append(events.get(i), ACTOR, "review", "req_" + i, Instant.ofEpochMilli(i));
            ledger.issueCheckpoint(SIGNERS);
        }
    }

    @Test
    void honestLog_verifies() {
        assertThat(verify(export(store.checkpoints(), entries()))).isEqualTo(new Verified(SIZE, SIZE));
    }

    @Test
    void entriesPastTheLastCheckpoint_verify_butAreReportedAsNotYetCheckpointed() {
        ledger.append(SampleEvents.all().getFirst(), ACTOR, "review", "req_late", Instant.ofEpochMilli(99));

        assertThat(verify(export(store.checkpoints(), entries()))).isEqualTo(new Verified(SIZE + 1, SIZE));
    }

    @Test
    void checkpointsKeptByTheCaller_thatMatchTheLog_verify() {
        List<Checkpoint> kept = List.of(
                ledger.checkpoint(3).orElseThrow(), ledger.checkpoint(SIZE).orElseThrow());

        assertThat(VERIFIER.verify(export(List.of(), entries()), kept)).isEqualTo(new Verified(SIZE, SIZE));
    }

    @Test
    void changedEntry_isReportedAtItsIndex() {
        List<Bytes> entries = entries();
        entries.set(5, reencoded(5, "other-purpose"));

        assertThat(verify(export(store.checkpoints(), entries))).isEqualTo(new Failed(5, Problem.ROOT_MISMATCH));
    }

    @Test
    void garbledEntry_isReportedAtItsIndex() {
        List<Bytes> entries = entries();
        entries.set(4, Bytes.fromHex("0102"));

        assertThat(verify(export(store.checkpoints(), entries))).isEqualTo(new Failed(4, Problem.MALFORMED_ENTRY));
    }

    @Test
    void deletedReorderedOrInsertedEntries_areReportedWhereTheLogBreaks() {
        List<Bytes> deleted = entries();
        deleted.remove(6);
        List<Bytes> swapped = entries();
        Collections.swap(swapped, 3, 8);
        List<Bytes> inserted = entries();
        inserted.add(7, reencoded(7, "forged"));

        assertThat(verify(export(store.checkpoints(), deleted))).isEqualTo(new Failed(6, Problem.MISPLACED_ENTRY));
        assertThat(verify(export(store.checkpoints(), swapped))).isEqualTo(new Failed(3, Problem.MISPLACED_ENTRY));
        assertThat(verify(export(store.checkpoints(), inserted))).isEqualTo(new Failed(7, Problem.ROOT_MISMATCH));
    }

    @Test
    void truncatedLog_isReportedAtTheFirstMissingEntry() {
        assertThat(verify(export(store.checkpoints(), entries().subList(0, 9))))
                .isEqualTo(new Failed(9, Problem.MISSING_ENTRIES));
    }

    @Test
    void truncatedLogWithItsCheckpointsRemoved_isCaughtByACheckpointKeptEarlier() {
        Checkpoint kept = ledger.checkpoint(SIZE).orElseThrow();
        LedgerExportReader export =
                export(store.checkpoints().subList(0, 9), entries().subList(0, 9));

        assertThat(VERIFIER.verify(export, List.of(kept))).isEqualTo(new Failed(9, Problem.MISSING_ENTRIES));
    }

    @Test
    void checkpointWithAForgedSignature_orFromAnotherKey_isReported() {
        List<String> checkpoints = new ArrayList<>(store.checkpoints());
        Checkpoint original = Checkpoint.parse(checkpoints.get(6));
        checkpoints.set(
                6,
                Checkpoint.sign(7, original.rootHash(), KeyPairSigner.checkpointSigners("custody.example/ledger"))
                        .text());

        assertThat(verify(export(checkpoints, entries()))).isEqualTo(new Failed(6, Problem.BAD_SIGNATURE));
    }

    @Test
    void validlySignedCheckpointThatContradictsTheLog_isReported() {
        List<String> checkpoints = new ArrayList<>(store.checkpoints());
        checkpoints.set(
                9,
                Checkpoint.sign(10, MerkleHashes.leafHash(Bytes.fromHex("00")), SIGNERS)
                        .text());

        assertThat(verify(export(checkpoints, entries()))).isEqualTo(new Failed(9, Problem.ROOT_MISMATCH));
    }

    @Test
    void unparsableCheckpoint_failsFromTheStart() {
        List<String> checkpoints = new ArrayList<>(store.checkpoints());
        checkpoints.set(2, "not a checkpoint");

        assertThat(verify(export(checkpoints, entries()))).isEqualTo(new Failed(0, Problem.MALFORMED_CHECKPOINT));
    }

    private Bytes reencoded(long index, String purpose) {
        LedgerEntry entry = LedgerEntryCodec.decode(store.entries.get(index));
        return LedgerEntryCodec.encode(new LedgerEntry(
                index,
                entry.timeMillis(),
                entry.actor(),
                entry.action(),
                entry.subjects(),
                purpose,
                entry.requestId(),
                entry.detailsHash()));
    }

    private List<Bytes> entries() {
        return new ArrayList<>(store.entries.values());
    }

    private static LedgerVerification verify(LedgerExportReader export) {
        return VERIFIER.verify(export);
    }

    static LedgerExportReader export(List<String> checkpoints, List<Bytes> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerExportWriter writer = LedgerExportWriter.create(out);
        checkpoints.forEach(writer::checkpoint);
        entries.forEach(writer::entry);
        writer.finish();
        return LedgerExportReader.open(new ByteArrayInputStream(out.toByteArray()));
    }
}
