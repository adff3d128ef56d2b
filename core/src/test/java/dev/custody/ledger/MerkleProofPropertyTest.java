package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Proofs over sampled tree sizes 1 to 2000 (with the edge sizes around powers of two) agree with
 * a literal transcription of RFC 9162, verify, and stop verifying after any single-bit change.
 */
class MerkleProofPropertyTest {
    private static final long SEED = 0x5eed_1ed9e7L;
    private static final int SAMPLED_SIZES = 40;
    private static final int PROBES_PER_SIZE = 4;

    private final Random random = new Random(SEED);

    @Test
    void roots_matchTheRecursiveDefinition() {
        for (int size : sizes()) {
            List<Bytes> leaves = leafHashes(size);
            assertThat(MerkleProofs.root(new MemoryTree(leaves), size))
                    .as("size %d", size)
                    .isEqualTo(NaiveMerkle.mth(leaves));
        }
    }

    @Test
    void inclusionProofs_matchTheDefinition_verify_andFailWhenAnythingChanges() {
        for (int size : sizes()) {
            List<Bytes> leaves = leafHashes(size);
            MemoryTree tree = new MemoryTree(leaves);
            Bytes root = NaiveMerkle.mth(leaves);
            for (int probe = 0; probe < PROBES_PER_SIZE; probe++) {
                int m = random.nextInt(size);
                InclusionProof proof = MerkleProofs.inclusion(tree, m, size);
                assertThat(proof.hashes()).isEqualTo(NaiveMerkle.path(m, leaves));
                assertThat(proof.verifies(leaves.get(m), root))
                        .as("%d of %d", m, size)
                        .isTrue();
                assertInclusionFailsWhenMutated(proof, leaves.get(m), root);
            }
        }
    }

    @Test
    void consistencyProofs_matchTheDefinition_verify_andFailWhenAnythingChanges() {
        for (int size : sizes()) {
            List<Bytes> leaves = leafHashes(size);
            MemoryTree tree = new MemoryTree(leaves);
            Bytes root = NaiveMerkle.mth(leaves);
            for (int probe = 0; probe < PROBES_PER_SIZE; probe++) {
                int m = 1 + random.nextInt(size);
                Bytes oldRoot = NaiveMerkle.mth(leaves.subList(0, m));
                ConsistencyProof proof = MerkleProofs.consistency(tree, m, size);
                if (m < size) {
                    assertThat(proof.hashes()).isEqualTo(NaiveMerkle.proof(m, leaves));
                }
                assertThat(proof.verifies(oldRoot, root))
                        .as("%d to %d", m, size)
                        .isTrue();
                if (m < size) {
                    assertConsistencyFailsWhenMutated(proof, oldRoot, root);
                }
            }
        }
    }

    private void assertInclusionFailsWhenMutated(InclusionProof proof, Bytes leaf, Bytes root) {
        for (int i = 0; i < proof.hashes().size(); i++) {
            List<Bytes> hashes = new ArrayList<>(proof.hashes());
            hashes.set(i, flipOneBit(hashes.get(i)));
            assertThat(new InclusionProof(proof.leafIndex(), proof.treeSize(), hashes).verifies(leaf, root))
                    .isFalse();
        }
        assertThat(proof.verifies(flipOneBit(leaf), root)).isFalse();
        assertThat(proof.verifies(leaf, flipOneBit(root))).isFalse();
        long m = proof.leafIndex();
        long n = proof.treeSize();
        for (long wrongIndex : LongStream.of(m - 1, m + 1, m ^ 2).toArray()) {
            if (wrongIndex >= 0 && wrongIndex < n) {
                assertThat(new InclusionProof(wrongIndex, n, proof.hashes()).verifies(leaf, root))
                        .isFalse();
            }
        }
        assertThat(new InclusionProof(m, n * 2, proof.hashes()).verifies(leaf, root))
                .isFalse();
        assertThat(new InclusionProof(m, n / 2, proof.hashes()).verifies(leaf, root))
                .isFalse();
        assertThat(new InclusionProof(m, n, withExtra(proof.hashes(), root)).verifies(leaf, root))
                .isFalse();
    }

    private void assertConsistencyFailsWhenMutated(ConsistencyProof proof, Bytes oldRoot, Bytes newRoot) {
        for (int i = 0; i < proof.hashes().size(); i++) {
            List<Bytes> hashes = new ArrayList<>(proof.hashes());
            hashes.set(i, flipOneBit(hashes.get(i)));
            assertThat(new ConsistencyProof(proof.oldSize(), proof.newSize(), hashes).verifies(oldRoot, newRoot))
                    .isFalse();
        }
        assertThat(proof.verifies(flipOneBit(oldRoot), newRoot)).isFalse();
        assertThat(proof.verifies(oldRoot, flipOneBit(newRoot))).isFalse();
        assertThat(proof.verifies(newRoot, oldRoot)).isFalse();
        long m = proof.oldSize();
        long n = proof.newSize();
        for (long wrongOld : LongStream.of(m - 1, m + 1, m ^ 2).toArray()) {
            if (wrongOld != m && wrongOld >= 0 && wrongOld <= n) {
                assertThat(new ConsistencyProof(wrongOld, n, proof.hashes()).verifies(oldRoot, newRoot))
                        .as("old size %d instead of %d, new size %d", wrongOld, m, n)
                        .isFalse();
            }
        }
        assertThat(new ConsistencyProof(m, n * 2, proof.hashes()).verifies(oldRoot, newRoot))
                .isFalse();
        assertThat(new ConsistencyProof(m, n, List.of()).verifies(oldRoot, newRoot))
                .isFalse();
        assertThat(new ConsistencyProof(m, n, withExtra(proof.hashes(), newRoot)).verifies(oldRoot, newRoot))
                .isFalse();
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 7, 8, 9, 255, 256, 257, 1023, 1024, 1025, 2000));
        for (int i = 0; i < SAMPLED_SIZES; i++) {
            sizes.add(1 + random.nextInt(2000));
        }
        return sizes;
    }

    private List<Bytes> leafHashes(int size) {
        List<Bytes> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            leaves.add(MerkleHashes.leafHash(Bytes.copyOf(entry)));
        }
        return leaves;
    }

    private Bytes flipOneBit(Bytes hash) {
        byte[] bytes = hash.toArray();
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return Bytes.copyOf(bytes);
    }

    private static List<Bytes> withExtra(List<Bytes> hashes, Bytes extra) {
        List<Bytes> longer = new ArrayList<>(hashes);
        longer.add(extra);
        return longer;
    }
}
