package dev.custody.jdbc.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.Actor;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEvent;
import dev.custody.ledger.LedgerStore;
import dev.custody.ledger.MerkleHashes;
import dev.custody.project.ProjectId;
import dev.custody.testkit.LedgerStoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger-store contract, and what the databases must do beyond it (concurrent appenders,
 * contributor pointers and their backfill, transactions): run by the SQLite test and the PostgreSQL IT.
 */
abstract class AbstractLedgerStoreTest extends LedgerStoreContract {
    static final Actor ACTOR = new Actor("usr_reviewer", ActorRole.REVIEWER);
    static final CheckpointSigners SIGNERS =
            new CheckpointSigners("custody.example/ledger", TestSigner.ed25519(), TestSigner.mlDsa65());

    protected abstract Jdbi jdbi();

    protected abstract LedgerStore store(Handle handle);

    @Override
    protected <T> T inTransaction(Function<LedgerStore, T> work) {
        return jdbi().inTransaction(handle -> work.apply(store(handle)));
    }

    /** Removes everything the store keeps to find entries by leaf hash or contributor. */
    protected abstract void clearLookups(Handle handle);

    /** Leaves the store finding entries by leaf hash only, as a log kept before contributors were. */
    protected abstract void keepOnlyLeafHashLookups(Handle handle);

    /** How many entries the store finds under some contributor. */
    protected abstract int entriesFoundByContributor(Handle handle);

    @BeforeEach
    void emptyLedger() {
        jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM ledger_entry");
            handle.execute("DELETE FROM ledger_tile");
            handle.execute("DELETE FROM ledger_checkpoint");
            clearLookups(handle);
            handle.execute("DELETE FROM ledger_contributor_backfill");
            handle.execute("UPDATE ledger_head SET size = 0");
        });
    }

    @Test
    void appendsFrom200VirtualThreads_eachInItsOwnTransaction_formOneLogWithoutGapsOrDuplicates() throws Exception {
        int threads = 200;
        int perThread = 2;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    List<Long> indexes = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String requestId = "req_" + thread + "_" + i;
                        indexes.add(jdbi().inTransaction(
                                        handle -> append(handle, requestId).index()));
                    }
                    return indexes;
                }));
            }
            start.countDown();
        }
        List<Long> indexes = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            indexes.addAll(future.get());
        }

        assertThat(indexes)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, threads * perThread).boxed().toList());
        jdbi().useHandle(handle -> {
            Ledger ledger = Ledger.over(store(handle));
            List<LedgerEntry> entries = ledger.entries(0, threads * perThread);
            assertThat(entries)
                    .extracting(LedgerEntry::index)
                    .containsExactlyElementsOf(indexes.stream().sorted().toList());
            assertThat(ledger.root(threads * perThread)).isEqualTo(mth(leafHashes(handle)));
            assertThat(pointerCount(handle)).isEqualTo(threads * perThread);
        });
    }

    @Test
    void aRolledBackAppend_leavesNoPointer() {
        Pseudonym dana = Pseudonym.random();

        assertThatThrownBy(() -> jdbi().useTransaction(handle -> {
                    Ledger.over(store(handle)).append(opened(dana), ACTOR, "review", "req_0", Instant.now());
                    throw new IllegalStateException("the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        jdbi().useHandle(handle -> {
            assertThat(pointerCount(handle)).isZero();
            assertThat(Ledger.over(store(handle)).aboutContributor(dana, Long.MAX_VALUE, 10))
                    .isEmpty();
        });
    }

    @Test
    void backfill_pointsEntriesAppendedBeforePointersExisted_pageByPage_thenRemovesItsRow() {
        Pseudonym dana = Pseudonym.random();
        jdbi().useTransaction(handle -> {
            for (int i = 0; i < 25; i++) {
                Ledger.over(store(handle))
                        .append(
                                opened(i % 5 == 0 ? dana : Pseudonym.random()),
                                ACTOR,
                                "review",
                                "req_" + i,
                                Instant.now());
            }
        });
        // As an installation upgraded from before the pointers: entries, no pointers, the backfill row.
        jdbi().useHandle(handle -> {
            keepOnlyLeafHashLookups(handle);
            handle.execute("INSERT INTO ledger_contributor_backfill (id, next_idx, upto) VALUES (1, 0, 20)");
        });

        int pages = 0;
        while (jdbi().inTransaction(handle -> ((JdbcLedgerStore) store(handle)).backfillContributorPointers(6))) {
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        jdbi().useHandle(handle -> {
            assertThat(Ledger.over(store(handle)).aboutContributor(dana, Long.MAX_VALUE, 10))
                    .extracting(LedgerEntry::index)
                    .containsExactly(15L, 10L, 5L, 0L);
            assertThat(pointerCount(handle)).isEqualTo(20);
            Bytes leafHash =
                    MerkleHashes.leafHash(store(handle).entries(7, 1).getFirst().bytes());
            assertThat(Ledger.over(store(handle)).indexOf(leafHash)).contains(7L);
            assertThat(handle.createQuery("SELECT COUNT(*) FROM ledger_contributor_backfill")
                            .mapTo(Integer.class)
                            .one())
                    .isZero();
        });
        boolean more = jdbi().inTransaction(handle -> ((JdbcLedgerStore) store(handle)).backfillContributorPointers(6));
        assertThat(more).isFalse();
    }

    @Test
    void backfill_skipsAnEntryThatNamesNoValidPseudonym_andFinishes() {
        Pseudonym dana = Pseudonym.random();
        jdbi().useTransaction(handle -> {
            for (int i = 0; i < 3; i++) {
                Ledger.over(store(handle)).append(opened(dana), ACTOR, "review", "req_" + i, Instant.now());
            }
        });
        // Entry 1 damaged in the database: its contributor id is no longer a pseudonym (upper case).
        jdbi().useHandle(handle -> {
            keepOnlyLeafHashLookups(handle);
            byte[] damaged = store(handle).entries(1, 1).getFirst().bytes().toArray();
            byte[] name = dana.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] upper = dana.value()
                    .toUpperCase(java.util.Locale.ROOT)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int at = indexOf(damaged, name);
            System.arraycopy(upper, 0, damaged, at, upper.length);
            handle.execute("UPDATE ledger_entry SET entry = ? WHERE idx = 1", damaged);
            handle.execute("INSERT INTO ledger_contributor_backfill (id, next_idx, upto) VALUES (1, 0, 3)");
        });

        while (jdbi().inTransaction(handle -> ((JdbcLedgerStore) store(handle)).backfillContributorPointers(10))) {
            // one page holds the whole log
        }

        jdbi().useHandle(handle -> assertThat(Ledger.over(store(handle)).aboutContributor(dana, Long.MAX_VALUE, 10))
                .extracting(LedgerEntry::index)
                .containsExactly(2L, 0L));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void editedTileHash_yieldsProofsThatFailAgainstTheCheckpoint() {
        int size = 300;
        jdbi().useTransaction(handle -> {
            for (int i = 0; i < size; i++) {
                append(handle, "req_" + i);
            }
        });
        Checkpoint checkpoint =
                jdbi().withHandle(handle -> Ledger.over(store(handle)).issueCheckpoint(SIGNERS));
        jdbi().useHandle(handle -> {
            byte[] tile = handle.createQuery("SELECT hashes FROM ledger_tile WHERE level = 1 AND idx = 0")
                    .mapTo(byte[].class)
                    .one();
            tile[0] ^= 1;
            handle.execute("UPDATE ledger_tile SET hashes = ? WHERE level = 1 AND idx = 0", tile);
        });

        jdbi().useHandle(handle -> {
            Ledger ledger = Ledger.over(store(handle));
            Bytes leaf = leafHashes(handle).get(280);
            assertThat(ledger.root(size)).isNotEqualTo(checkpoint.rootHash());
            assertThat(ledger.inclusionProof(280, size).verifies(leaf, checkpoint.rootHash()))
                    .isFalse();
        });
    }

    @Test
    void append_outsideATransaction_isRefused() {
        assertThatThrownBy(() -> jdbi().useHandle(handle -> append(handle, "req_0")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static LedgerEvent opened(Pseudonym contributor) {
        return new ClipOpened(ClipId.random(), contributor, ProjectId.random());
    }

    private int pointerCount(Handle handle) {
        return entriesFoundByContributor(handle);
    }

    LedgerEntry append(Handle handle, String requestId) {
        LedgerEvent event = new ClipOpened(ClipId.random(), Pseudonym.random(), ProjectId.random());
        return Ledger.over(store(handle)).append(event, ACTOR, "review", requestId, Instant.now());
    }

    static List<Bytes> leafHashes(Handle handle) {
        return handle.createQuery("SELECT entry FROM ledger_entry ORDER BY idx")
                .mapTo(byte[].class)
                .map(entry -> MerkleHashes.leafHash(Bytes.copyOf(entry)))
                .list();
    }

    /** RFC 9162's MTH, written out recursively as an independent check. */
    static Bytes mth(List<Bytes> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static void assertConflict(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOf(CustodyException.class)
                .extracting(e -> ((CustodyException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
    }
}
