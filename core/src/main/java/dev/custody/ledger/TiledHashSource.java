package dev.custody.ledger;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    private final LedgerStore store;

    TiledHashSource(LedgerStore store) {
        this.store = store;
    }

    @Override
    public Bytes node(int level, long index) {
        if (level < TILE_HEIGHT) {
            List<Bytes> leaves = store.leafHashes(index << level, (index + 1) << level);
            if (leaves.size() != 1 << level) {
                throw CustodyException.integrityFailure();
            }
            return Bytes.copyOf(perfectRoot(join(leaves), 0, 1 << level));
        }
        int tileLevel = level / TILE_HEIGHT;
        int height = level - tileLevel * TILE_HEIGHT;
        long first = index << height;
        int offset = (int) (first & (TILE_WIDTH - 1));
        byte[] tile = store.tile(tileLevel, first >>> TILE_HEIGHT)
                .orElseThrow(CustodyException::integrityFailure)
                .toArray();
        if (tile.length < (offset + (1 << height)) * H) {
            throw CustodyException.integrityFailure();
        }
        return Bytes.copyOf(perfectRoot(tile, offset, 1 << height));
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
