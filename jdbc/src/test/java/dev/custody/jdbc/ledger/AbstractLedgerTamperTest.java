package dev.custody.jdbc.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.LedgerEvent;
import dev.custody.ledger.LedgerStore;
import dev.custody.ledger.LedgerVerification;
import dev.custody.ledger.LedgerVerification.Failed;
import dev.custody.ledger.LedgerVerification.Problem;
import dev.custody.ledger.LedgerVerification.Verified;
import dev.custody.ledger.LedgerVerifier;
import dev.custody.ledger.MerkleHashes;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of a 12-entry ledger, with a checkpoint after every append, edited with SQL as an attacker
 * with database access would; the offline verifier, given an export taken from the database,
 * reports each edit at the first index it breaks.
 */
abstract class AbstractLedgerTamperTest {
    private static final int SIZE = 12;
    private static final CheckpointSigners SIGNERS = AbstractLedgerStoreTest.SIGNERS;
    private static final LedgerVerifier VERIFIER = LedgerVerifier.of(SIGNERS.keys());

    protected abstract Jdbi jdbi();

    protected abstract LedgerStore store(Handle handle);

    @BeforeEach
    void twelveEntriesWithACheckpointAfterEach() {
        jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM ledger_entry");
            handle.execute("DELETE FROM ledger_tile");
            handle.execute("DELETE FROM ledger_checkpoint");
            handle.execute("UPDATE ledger_head SET size = 0");
        });
        for (int i = 0; i < SIZE; i++) {
            String requestId = "req_" + i;
            jdbi().useTransaction(handle -> {
                Ledger ledger = Ledger.over(store(handle));
                LedgerEvent event = new ClipOpened(ClipId.random(), Pseudonym.random(), ProjectId.random());
                ledger.append(event, AbstractLedgerStoreTest.ACTOR, "review", requestId, Instant.now());
                ledger.issueCheckpoint(SIGNERS);
            });
        }
    }

    @Test
    void untouchedLog_verifies() {
        assertThat(verify(List.of())).isEqualTo(new Verified(SIZE, SIZE));
    }

    @Test
    void changedEntryBytes_areReportedAtTheirIndex() {
        Bytes forged = reencoded(5, "asr-training");
        sql("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE idx = 5", forged.toArray(), leaf(forged));

        assertThat(verify(List.of())).isEqualTo(new Failed(5, Problem.ROOT_MISMATCH));
    }

    @Test
    void deletedEntry_isReportedAtItsIndex() {
        sql("DELETE FROM ledger_entry WHERE idx = 6");

        assertThat(verify(List.of())).isEqualTo(new Failed(6, Problem.MISPLACED_ENTRY));
    }

    @Test
    void twoReorderedEntries_areReportedAtTheFirst() {
        byte[] third = entryBytes(3);
        byte[] eighth = entryBytes(8);
        sql("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE idx = 3", eighth, leaf(Bytes.copyOf(eighth)));
        sql("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE idx = 8", third, leaf(Bytes.copyOf(third)));

        assertThat(verify(List.of())).isEqualTo(new Failed(3, Problem.MISPLACED_ENTRY));
    }

    @Test
    void insertedEntry_isReportedAtItsIndex() {
        Bytes forged = reencoded(7, "asr-training");
        for (int i = SIZE - 1; i >= 7; i--) {
            // Each later entry moves up one row, its bytes left as they were.
            sql("UPDATE ledger_entry SET idx = idx + 1 WHERE idx = " + i);
        }
        sql("INSERT INTO ledger_entry (idx, entry, leaf_hash) VALUES (7, ?, ?)", forged.toArray(), leaf(forged));

        assertThat(verify(List.of())).isEqualTo(new Failed(7, Problem.ROOT_MISMATCH));
    }

    @Test
    void truncatedLog_isReportedAtTheFirstMissingEntry() {
        sql("DELETE FROM ledger_entry WHERE idx >= 9");

        assertThat(verify(List.of())).isEqualTo(new Failed(9, Problem.MISSING_ENTRIES));
    }

    @Test
    void truncatedLogWithItsCheckpointsDeleted_isCaughtByACheckpointKeptEarlier() {
        Checkpoint kept = jdbi().withHandle(handle -> Ledger.over(store(handle)).latestCheckpoint())
                .orElseThrow();
        sql("DELETE FROM ledger_entry WHERE idx >= 9");
        sql("DELETE FROM ledger_checkpoint WHERE size > 9");

        assertThat(verify(List.of())).isEqualTo(new Verified(9, 9));
        assertThat(verify(List.of(kept))).isEqualTo(new Failed(9, Problem.MISSING_ENTRIES));
    }

    @Test
    void replacedCheckpointSignature_isReported() {
        Checkpoint original = checkpoint(7);
        CheckpointSigners impostor =
                new CheckpointSigners(original.origin(), TestSigner.ed25519(), TestSigner.mlDsa65());
        sql(
                "UPDATE ledger_checkpoint SET note = ? WHERE size = 7",
                Checkpoint.sign(7, original.rootHash(), impostor).text());

        assertThat(verify(List.of())).isEqualTo(new Failed(6, Problem.BAD_SIGNATURE));
    }

    @Test
    void signedCheckpointInconsistentWithTheOlderOnes_isReported() {
        Bytes otherRoot = MerkleHashes.leafHash(Bytes.fromHex("00"));
        sql(
                "UPDATE ledger_checkpoint SET note = ? WHERE size = 10",
                Checkpoint.sign(10, otherRoot, SIGNERS).text());

        assertThat(verify(List.of())).isEqualTo(new Failed(9, Problem.ROOT_MISMATCH));
    }

    private LedgerVerification verify(List<Checkpoint> kept) {
        return jdbi().withHandle(handle -> VERIFIER.verify(Exports.of(Ledger.over(store(handle))), kept));
    }

    private Checkpoint checkpoint(long size) {
        return jdbi().withHandle(handle -> Ledger.over(store(handle)).checkpoint(size))
                .orElseThrow();
    }

    private byte[] entryBytes(long index) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT entry FROM ledger_entry WHERE idx = :idx")
                .bind("idx", index)
                .mapTo(byte[].class)
                .one());
    }

    /** The entry at {@code index} with another purpose: well formed, in place, and false. */
    private Bytes reencoded(long index, String purpose) {
        LedgerEntry entry = LedgerEntryCodec.decode(Bytes.copyOf(entryBytes(index)));
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

    private static byte[] leaf(Bytes entry) {
        return MerkleHashes.leafHash(entry).toArray();
    }

    private void sql(String statement, Object... arguments) {
        jdbi().useHandle(handle -> handle.execute(statement, arguments));
    }
}
