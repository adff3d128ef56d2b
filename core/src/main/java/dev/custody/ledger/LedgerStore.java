package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * Where the ledger keeps its entries, hashes and checkpoints: the port that {@link Ledger} drives
 * and the metadata database implements. An instance is bound to the caller's transaction, so an
 * entry commits together with the change it records, or not at all. Nothing is ever updated except
 * the head and a tile's growing tail; nothing is deleted.
 *
 * <p>Failures of the underlying storage surface as {@code LEDGER_UNAVAILABLE}.
 */
public interface LedgerStore {
    /**
     * Locks the head of the log until the caller's transaction ends and returns the log's size:
     * concurrent appenders, in this process or another, queue here so the log stays one line.
     */
    long lockHead();

    /** The log's size as last committed (or as changed by this transaction). */
    long size();

    /**
     * Stores entry {@code index} with its leaf hash, findable by that hash and by the pseudonym of
     * each contributor it names, and moves the head to {@code index + 1}. The index is unique:
     * storing an index twice fails with CONFLICT. The entry stays the record; what the store keeps
     * to find it only says where to look.
     */
    void append(long index, Bytes entry, Bytes leafHash, List<String> contributors);

    /**
     * Up to {@code limit} stored entries that the store found under this contributor, with index below
     * {@code before}, newest first.
     */
    List<StoredEntry> contributorEntries(String pseudonym, long before, int limit);

    /** The leaf hashes of entries {@code [from, to)}, in order. */
    List<Bytes> leafHashes(long from, long to);

    /** The index of the first entry with this leaf hash, if any. */
    Optional<Long> indexOfLeaf(Bytes leafHash);

    /** Up to {@code limit} stored entries with index {@code >= from}, in index order. */
    List<StoredEntry> entries(long from, int limit);

    /**
     * The tile at {@code level} (1 and up) and {@code index}: the concatenated 32-byte hashes of up
     * to 256 consecutive tree nodes at height {@code 8 * level}, as in C2SP tlog-tiles.
     */
    Optional<Bytes> tile(int level, long index);

    /** Creates or replaces (with a longer version of itself) a tile. */
    void putTile(int level, long index, Bytes hashes);

    /** Stores a signed checkpoint; one per size: a second one fails with CONFLICT. */
    void addCheckpoint(long size, String note);

    Optional<String> checkpoint(long size);

    Optional<String> latestCheckpoint();

    /** Every stored checkpoint, by increasing size. */
    List<String> checkpoints();

    /** An entry as stored: its row's index and its bytes. */
    record StoredEntry(long index, Bytes bytes) {
        public StoredEntry {
            requireNonNull(bytes, "bytes is null");
        }
    }
}
