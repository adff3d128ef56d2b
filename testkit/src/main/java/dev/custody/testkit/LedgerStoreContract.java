package dev.custody.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KeyPurpose;
import dev.custody.ledger.Actor;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.KeyCreated;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.LedgerStore;
import dev.custody.ledger.LedgerStore.StoredEntry;
import dev.custody.ledger.MerkleHashes;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerStore} must do, databases and test fakes alike: read back what was
 * appended, find entries by leaf hash and by contributor, give the hashes from which proofs verify,
 * keep checkpoints and tiles, and refuse a second entry at an index or a second checkpoint of a size.
 * Each test starts from an empty store.
 */
public abstract class LedgerStoreContract {
    private static final Actor ACTOR = new Actor("usr_reviewer", ActorRole.REVIEWER);

    /** Runs {@code work} on the store in one transaction, committed when it returns. */
    protected abstract <T> T inTransaction(Function<LedgerStore, T> work);

    private void useTransaction(Consumer<LedgerStore> work) {
        inTransaction(store -> {
            work.accept(store);
            return null;
        });
    }

    @Test
    void appendedEntries_readBackInOrder_withTheirLeafHashesAndTheSize() {
        List<LedgerEntry> appended = appendOpenings(5);

        useTransaction(store -> {
            assertThat(store.size()).isEqualTo(5);
            assertThat(store.entries(1, 3))
                    .containsExactly(stored(appended.get(1)), stored(appended.get(2)), stored(appended.get(3)));
            assertThat(store.entries(4, 10)).containsExactly(stored(appended.get(4)));
            assertThat(store.leafHashes(0, 5))
                    .containsExactlyElementsOf(appended.stream()
                            .map(entry -> MerkleHashes.leafHash(LedgerEntryCodec.encode(entry)))
                            .toList());
        });
    }

    @Test
    void indexOfLeaf_findsTheEntry_butNotAHashThatOnlySharesItsBeginning() {
        List<LedgerEntry> appended = appendOpenings(40);
        Bytes leafHash = MerkleHashes.leafHash(LedgerEntryCodec.encode(appended.get(17)));
        byte[] lookalike = leafHash.toArray();
        lookalike[31] ^= 1;

        useTransaction(store -> {
            assertThat(store.indexOfLeaf(leafHash)).contains(17L);
            assertThat(store.indexOfLeaf(Bytes.copyOf(lookalike))).isEmpty();
        });
    }

    @Test
    void entriesNamingAContributor_areFoundNewestFirst_pageByPage() {
        Pseudonym dana = Pseudonym.random();
        Pseudonym robin = Pseudonym.random();
        List<Long> danas = inTransaction(store -> {
            Ledger ledger = Ledger.over(store);
            List<Long> indexes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Pseudonym who = i % 4 == 0 ? dana : robin;
                long index = ledger.append(opened(who), ACTOR, "review", "req_" + i, Instant.now())
                        .index();
                if (who.equals(dana)) {
                    indexes.add(index);
                }
                ledger.append(
                        new KeyCreated("local://voice", KeyPurpose.VOICE, i + 1),
                        ACTOR,
                        "keys",
                        "req_k",
                        Instant.now());
            }
            return indexes;
        });

        useTransaction(store -> {
            Ledger ledger = Ledger.over(store);
            List<LedgerEntry> newest = ledger.aboutContributor(dana, Long.MAX_VALUE, 2);
            List<LedgerEntry> older =
                    ledger.aboutContributor(dana, newest.getLast().index(), 10);
            assertThat(newest).extracting(LedgerEntry::index).containsExactly(danas.get(2), danas.get(1));
            assertThat(older).extracting(LedgerEntry::index).containsExactly(danas.get(0));
            assertThat(ledger.aboutContributor(robin, Long.MAX_VALUE, 100)).hasSize(9);
            assertThat(ledger.aboutContributor(Pseudonym.random(), Long.MAX_VALUE, 100))
                    .isEmpty();
        });
    }

    @Test
    void proofsFromTheStore_verifyAgainstRootsRecomputedFromTheEntries() {
        int size = 300;
        appendOpenings(size);

        useTransaction(store -> {
            Ledger ledger = Ledger.over(store);
            List<Bytes> leaves = store.leafHashes(0, size);
            Random random = new Random(11);
            for (int probe = 0; probe < 30; probe++) {
                int treeSize = 1 + random.nextInt(size);
                int index = random.nextInt(treeSize);
                int oldSize = random.nextInt(treeSize + 1);
                Bytes root = mth(leaves.subList(0, treeSize));
                assertThat(ledger.root(treeSize)).isEqualTo(root);
                ledger.inclusionProof(index, treeSize).verify(leaves.get(index), root);
                ledger.consistencyProof(oldSize, treeSize).verify(mth(leaves.subList(0, oldSize)), root);
            }
        });
    }

    @Test
    void checkpoints_areKeptBySize_andListedByIncreasingSize() {
        useTransaction(store -> {
            store.addCheckpoint(3, "note of 3");
            store.addCheckpoint(1, "note of 1");
        });

        useTransaction(store -> {
            assertThat(store.checkpoint(3)).contains("note of 3");
            assertThat(store.checkpoint(2)).isEmpty();
            assertThat(store.latestCheckpoint()).contains("note of 3");
            assertThat(store.checkpoints()).containsExactly("note of 1", "note of 3");
        });
    }

    @Test
    void tiles_readBackAsStored_andAreReplacedByALongerVersion() {
        Bytes short1 = Bytes.copyOf(new byte[32]);
        Bytes longer = Bytes.copyOf(new byte[64]);
        useTransaction(store -> {
            store.putTile(1, 0, short1);
        });
        useTransaction(store -> {
            store.putTile(1, 0, longer);
        });

        useTransaction(store -> {
            assertThat(store.tile(1, 0)).contains(longer);
            assertThat(store.tile(1, 1)).isEmpty();
            assertThat(store.tile(2, 0)).isEmpty();
        });
    }

    @Test
    void secondEntryAtAnIndex_orSecondCheckpointOfASize_isRefusedWithConflict() {
        appendOpenings(1);
        useTransaction(store -> {
            store.addCheckpoint(1, "a root");
        });
        Bytes entry = Bytes.fromHex("01");

        assertConflict(() -> useTransaction(store -> {
            store.append(0, entry, MerkleHashes.leafHash(entry), List.of());
        }));
        assertConflict(() -> useTransaction(store -> {
            store.addCheckpoint(1, "another root");
        }));
        useTransaction(store -> {
            assertThat(store.checkpoints()).containsExactly("a root");
            assertThat(store.size()).isEqualTo(1);
        });
    }

    private List<LedgerEntry> appendOpenings(int count) {
        return inTransaction(store -> {
            Ledger ledger = Ledger.over(store);
            List<LedgerEntry> appended = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                appended.add(ledger.append(opened(Pseudonym.random()), ACTOR, "review", "req_" + i, Instant.now()));
            }
            return appended;
        });
    }

    private static ClipOpened opened(Pseudonym contributor) {
        return new ClipOpened(ClipId.random(), contributor, ProjectId.random());
    }

    private static StoredEntry stored(LedgerEntry entry) {
        return new StoredEntry(entry.index(), LedgerEntryCodec.encode(entry));
    }

    /** RFC 9162's MTH, written out recursively as an independent check. */
    private static Bytes mth(List<Bytes> leaves) {
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
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }
}
