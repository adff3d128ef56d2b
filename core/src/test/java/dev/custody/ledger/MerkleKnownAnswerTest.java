package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Bytes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 example tree that Certificate Transparency implementations test against (Go
 * transparency-dev/merkle, Trillian): its 8 leaves, the roots of sizes 0 to 8, and the published
 * inclusion and consistency proofs.
 */
class MerkleKnownAnswerTest {
    static final List<Bytes> LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(Bytes::fromHex)
            .toList();

    static final List<Bytes> ROOTS = Stream.of(
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
            .map(Bytes::fromHex)
            .toList();

    record Vector(long first, long second, List<String> proof) {}

    /** Leaf index (0-based), tree size, audit path. */
    static final List<Vector> INCLUSION = List.of(
            new Vector(0, 1, List.of()),
            new Vector(
                    0,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(
                    5,
                    8,
                    List.of(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Vector(
                    1,
                    5,
                    List.of(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    /** Old size, new size, consistency proof. */
    static final List<Vector> CONSISTENCY = List.of(
            new Vector(1, 1, List.of()),
            new Vector(
                    1,
                    8,
                    List.of(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(
                    6,
                    8,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(
                    2,
                    5,
                    List.of(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Vector(
                    6,
                    7,
                    List.of(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private final MemoryTree tree = MemoryTree.ofEntries(LEAVES);

    @Test
    void leafHash_ofEmptyEntry_isThePublishedOne() {
        assertThat(MerkleHashes.leafHash(LEAVES.getFirst()).hex())
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void root_ofEveryPrefix_isThePublishedRoot() {
        for (int size = 0; size <= 8; size++) {
            assertThat(MerkleProofs.root(tree, size)).as("size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofs_areThePublishedOnes_andVerify() {
        for (Vector vector : INCLUSION) {
            InclusionProof proof = MerkleProofs.inclusion(tree, vector.first(), vector.second());
            assertThat(proof.hashes()).isEqualTo(hashes(vector));
            Bytes leaf = MerkleHashes.leafHash(LEAVES.get((int) vector.first()));
            assertThat(proof.verifies(leaf, ROOTS.get((int) vector.second()))).isTrue();
        }
    }

    @Test
    void consistencyProofs_areThePublishedOnes_andVerify() {
        for (Vector vector : CONSISTENCY) {
            ConsistencyProof proof = MerkleProofs.consistency(tree, vector.first(), vector.second());
            assertThat(proof.hashes()).isEqualTo(hashes(vector));
            assertThat(proof.verifies(ROOTS.get((int) vector.first()), ROOTS.get((int) vector.second())))
                    .isTrue();
        }
    }

    @Test
    void publishedProofs_failAgainstAnotherRoot() {
        for (Vector vector : CONSISTENCY.subList(1, CONSISTENCY.size())) {
            ConsistencyProof proof = new ConsistencyProof(vector.first(), vector.second(), hashes(vector));
            assertThat(proof.verifies(ROOTS.get((int) vector.first() - 1), ROOTS.get((int) vector.second())))
                    .isFalse();
        }
        for (Vector vector : INCLUSION.subList(1, INCLUSION.size())) {
            InclusionProof proof = new InclusionProof(vector.first(), vector.second(), hashes(vector));
            Bytes leaf = MerkleHashes.leafHash(LEAVES.get((int) vector.first()));
            assertThat(proof.verifies(leaf, ROOTS.get((int) vector.second() - 1)))
                    .isFalse();
        }
    }

    private static List<Bytes> hashes(Vector vector) {
        return vector.proof().stream().map(Bytes::fromHex).toList();
    }
}
