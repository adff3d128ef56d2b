package dev.custody.ledger;

import dev.custody.Bytes;
import java.util.ArrayList;
import java.util.List;

/** Complete-subtree hashes of a list of leaves, held level by level, as a test hash source. */
final class MemoryTree implements HashSource {
    private final List<List<Bytes>> levels = new ArrayList<>();

    MemoryTree(List<Bytes> leafHashes) {
        levels.add(List.copyOf(leafHashes));
        while (levels.getLast().size() > 1) {
            List<Bytes> below = levels.getLast();
            List<Bytes> up = new ArrayList<>();
            for (int i = 0; i + 1 < below.size(); i += 2) {
                up.add(MerkleHashes.nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(up);
        }
    }

    static MemoryTree ofEntries(List<Bytes> entries) {
        return new MemoryTree(entries.stream().map(MerkleHashes::leafHash).toList());
    }

    @Override
    public Bytes node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }
}
