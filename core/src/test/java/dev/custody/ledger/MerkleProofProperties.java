package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Inclusion and consistency proofs verify exactly when they should: for generated tree sizes and
 * indices a proof verifies, and it stops verifying after any single-bit change to any hash, the
 * leaf or a root, with another index, or with a size that gives the proof another shape (a root binds
 * no size by itself: the signed checkpoint does).
 */
class MerkleProofProperties {
    /** A tree of {@code size} leaves and a position in it: a leaf index, or an old size. */
    record TreeAndIndex(int size, int index) {}

    @Property(tries = 200)
    void inclusionProof_verifies_andFailsOnAnyChange(
            @ForAll("leafInTree") TreeAndIndex at, @ForAll @IntRange(min = 0, max = 255) int bitSeed) {
        List<Bytes> leaves = leafHashes(at.size());
        InclusionProof proof = MerkleProofs.inclusion(new MemoryTree(leaves), at.index(), at.size());
        Bytes leaf = leaves.get(at.index());
        Bytes root = NaiveMerkle.mth(leaves);

        assertThat(proof.verifies(leaf, root)).isTrue();
        for (int i = 0; i < proof.hashes().size(); i++) {
            List<Bytes> hashes = new ArrayList<>(proof.hashes());
            hashes.set(i, flipBit(hashes.get(i), bitSeed + i));
            assertThat(new InclusionProof(at.index(), at.size(), hashes).verifies(leaf, root))
                    .isFalse();
        }
        assertThat(proof.verifies(flipBit(leaf, bitSeed), root)).isFalse();
        assertThat(proof.verifies(leaf, flipBit(root, bitSeed))).isFalse();
        for (int other = 0; other < at.size(); other++) {
            if (other != at.index()) {
                assertThat(new InclusionProof(other, at.size(), proof.hashes()).verifies(leaf, root))
                        .as("index %d instead of %d", other, at.index())
                        .isFalse();
            }
        }
        for (long otherSize : new long[] {at.size() * 2L, at.size() / 2}) {
            if (otherSize > at.index()) {
                assertThat(new InclusionProof(at.index(), otherSize, proof.hashes()).verifies(leaf, root))
                        .as("size %d instead of %d", otherSize, at.size())
                        .isFalse();
            }
        }
    }

    @Property(tries = 200)
    void consistencyProof_verifies_andFailsOnAnyChange(
            @ForAll("oldSizeInTree") TreeAndIndex at, @ForAll @IntRange(min = 0, max = 255) int bitSeed) {
        List<Bytes> leaves = leafHashes(at.size());
        int oldSize = at.index();
        ConsistencyProof proof = MerkleProofs.consistency(new MemoryTree(leaves), oldSize, at.size());
        Bytes oldRoot = NaiveMerkle.mth(leaves.subList(0, oldSize));
        Bytes newRoot = NaiveMerkle.mth(leaves);

        assertThat(proof.verifies(oldRoot, newRoot)).isTrue();
        if (oldSize == at.size()) {
            return;
        }
        for (int i = 0; i < proof.hashes().size(); i++) {
            List<Bytes> hashes = new ArrayList<>(proof.hashes());
            hashes.set(i, flipBit(hashes.get(i), bitSeed + i));
            assertThat(new ConsistencyProof(oldSize, at.size(), hashes).verifies(oldRoot, newRoot))
                    .isFalse();
        }
        assertThat(proof.verifies(flipBit(oldRoot, bitSeed), newRoot)).isFalse();
        assertThat(proof.verifies(oldRoot, flipBit(newRoot, bitSeed))).isFalse();
        for (int otherOld = 1; otherOld <= at.size(); otherOld++) {
            if (otherOld != oldSize) {
                assertThat(new ConsistencyProof(otherOld, at.size(), proof.hashes()).verifies(oldRoot, newRoot))
                        .as("old size %d instead of %d", otherOld, oldSize)
                        .isFalse();
            }
        }
        assertThat(new ConsistencyProof(oldSize, at.size() * 2L, proof.hashes()).verifies(oldRoot, newRoot))
                .isFalse();
    }

    @Provide
    Arbitrary<TreeAndIndex> leafInTree() {
        return sizes().flatMap(size ->
                Arbitraries.integers().between(0, size - 1).map(index -> new TreeAndIndex(size, index)));
    }

    @Provide
    Arbitrary<TreeAndIndex> oldSizeInTree() {
        return sizes().flatMap(size ->
                Arbitraries.integers().between(1, size).map(oldSize -> new TreeAndIndex(size, oldSize)));
    }

    private static Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 300),
                Arbitraries.of(1, 2, 3, 4, 7, 8, 9, 255, 256, 257, 1023, 1024, 1025));
    }

    /** Distinct leaf hashes: SHA-256 of each leaf's index, so two leaves never collide. */
    private static List<Bytes> leafHashes(int size) {
        return IntStream.range(0, size)
                .mapToObj(i ->
                        MerkleHashes.leafHash(Bytes.copyOf(Integer.toString(i).getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    private static Bytes flipBit(Bytes hash, int seed) {
        byte[] bytes = hash.toArray();
        int bit = Math.floorMod(seed * 7919, bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Bytes.copyOf(bytes);
    }
}
