package dev.custody.ledger;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and extends the tree's hashes in a {@link LedgerStore}, laid out as C2SP tlog-tiles: the
 * leaf hashes are stored with the entries (tile level 0), and tile level L holds the nodes of
 * height 8L, 256 to a tile. A node of height h is hashed from at most 256 hashes of one tile (or
 * 128 leaf hashes), so reading any node is one read, and an append writes one tile hash per 256
 * entries below it.
 */
final class TiledHashSource implements HashSource {
    static final int TILE_HEIGHT = 8;
    static final int TILE_WIDTH = 1 << TILE_HEIGHT;
    private static final int H = MerkleHashes.HASH_LENGTH;

    // A Ledger, and so this source, lives for one transaction. A complete subtree's hash never
    // changes once its leaves exist, so within the transaction each stored tile is read once and
    // each node above it hashed once, however many proofs and roots ask for it: a proof of a leaf
    // in a partial tile needs a node of every height in that tile. Bounded, for long-lived readers.
    private static final int MAX_REMEMBERED = 8192;

    private final LedgerStore store;
    private final Map<Long, byte[]> storedTiles = new HashMap<>();
    private final Map<Node, byte[]> hashed = new HashMap<>();

    TiledHashSource(LedgerStore store) {
        this.store = store;
    }

    @Override
    public Bytes node(int level, long index) {
        return Bytes.copyOf(hash(level, index));
    }

    private byte[] hash(int level, long index) {
        if (level % TILE_HEIGHT == 0) {
            return stored(level / TILE_HEIGHT, index);
        }
        Node node = new Node(level, index);
        byte[] known = hashed.get(node);
        if (known == null) {
            known = MerkleHashes.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            remember(hashed, node, known);
        }
        return known;
    }

    /**
     * A hash the store keeps: a leaf hash (tile level 0) or a tile entry (tile level L, a node of
     * height 8L). Reads the whole tile, and again only if it has since grown past what was read.
     */
    private byte[] stored(int tileLevel, long index) {
        long tileIndex = index >>> TILE_HEIGHT;
        int offset = (int) (index & (TILE_WIDTH - 1));
        // Tile levels stay below 8 (2^64 leaves), so the level fits in the top bits of the key.
        long key = ((long) tileLevel << 56) | tileIndex;
        byte[] tile = storedTiles.get(key);
        if (tile == null || tile.length < (offset + 1) * H) {
            tile = readTile(tileLevel, tileIndex);
            remember(storedTiles, key, tile);
        }
        if (tile.length < (offset + 1) * H) {
            throw CustodyException.integrityFailure();
        }
        return Arrays.copyOfRange(tile, offset * H, (offset + 1) * H);
    }

    private byte[] readTile(int tileLevel, long tileIndex) {
        if (tileLevel == 0) {
            long first = tileIndex << TILE_HEIGHT;
            return join(store.leafHashes(first, first + TILE_WIDTH));
        }
        byte[] tile = store.tile(tileLevel, tileIndex).map(Bytes::toArray).orElse(new byte[0]);
        if (tile.length % H != 0 || tile.length > TILE_WIDTH * H) {
            throw CustodyException.integrityFailure();
        }
        return tile;
    }

    private static <K> void remember(Map<K, byte[]> memo, K key, byte[] value) {
        if (memo.size() >= MAX_REMEMBERED) {
            memo.clear();
        }
        memo.put(key, value);
    }

    /** Records that leaf {@code index} was appended: completes the tiles its arrival completes. */
    void leafAppended(long index) {
        long size = index + 1;
        if (size % TILE_WIDTH != 0) {
            return;
        }
        byte[] hash = perfectRoot(join(store.leafHashes(size - TILE_WIDTH, size)), 0, TILE_WIDTH);
        long position = size / TILE_WIDTH - 1;
        for (int level = 1; ; level++) {
            long tileIndex = position >>> TILE_HEIGHT;
            int offset = (int) (position & (TILE_WIDTH - 1));
            byte[] tile = store.tile(level, tileIndex).map(Bytes::toArray).orElse(new byte[0]);
            if (tile.length != offset * H) {
                // The tile is out of step with the log: refuse to build on it.
                throw CustodyException.integrityFailure();
            }
            byte[] grown = Arrays.copyOf(tile, tile.length + H);
            System.arraycopy(hash, 0, grown, tile.length, H);
            store.putTile(level, tileIndex, Bytes.copyOf(grown));
            if (offset != TILE_WIDTH - 1) {
                return;
            }
            hash = perfectRoot(grown, 0, TILE_WIDTH);
            position = tileIndex;
        }
    }

    /** The root of the perfect tree over {@code count} (a power of two) hashes from {@code offset}. */
    private static byte[] perfectRoot(byte[] hashes, int offset, int count) {
        List<byte[]> level = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            level.add(Arrays.copyOfRange(hashes, (offset + i) * H, (offset + i + 1) * H));
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(MerkleHashes.node(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level.getFirst();
    }

    private record Node(int level, long index) {}

    private static byte[] join(List<Bytes> hashes) {
        byte[] joined = new byte[hashes.size() * H];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] hash = hashes.get(i).toArray();
            if (hash.length != H) {
                throw CustodyException.integrityFailure();
            }
            System.arraycopy(hash, 0, joined, i * H, H);
        }
        return joined;
    }
}
