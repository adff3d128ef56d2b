package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.Pseudonym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, verifiable log of security-relevant events, over a {@link LedgerStore} bound to
 * the caller's transaction: an entry commits with the change it records, or not at all, and
 * concurrent appenders are sequenced by the store's head lock into one linear log.
 *
 * <p>Guarantees: entry n has index n; appending costs one entry write (with what the store keeps to find
 * it by leaf hash and by contributor) and amortized less than one tile write; roots and proofs cost
 * O(log n) reads and never rehash the log; a checkpoint is issued at most once per size. Throws
 * what the store throws ({@code LEDGER_UNAVAILABLE}, {@code CONFLICT}), INTEGRITY_FAILURE when
 * stored hashes are missing or malformed, and INVALID_INPUT for an index, a size or a range
 * outside the log (they usually come from a request).
 */
public final class Ledger {
    /** The most entries read from the store at a time. */
    public static final int PAGE = 1000;
    /** The most entries one call to {@link #entries} returns, so a request cannot exhaust memory. */
    public static final int MAX_ENTRIES = 10_000;

    private final LedgerStore store;
    private final TiledHashSource hashes;

    private Ledger(LedgerStore store) {
        this.store = store;
        this.hashes = new TiledHashSource(store);
    }

    public static Ledger over(LedgerStore store) {
        return new Ledger(requireNonNull(store, "store is null"));
    }

    /** Appends {@code event} as the next entry and returns it. */
    public LedgerEntry append(LedgerEvent event, Actor actor, String purpose, String requestId, Instant at) {
        long index = store.lockHead();
        LedgerEntry entry = LedgerEntry.of(index, at, event, actor, purpose, requestId);
        Bytes bytes = LedgerEntryCodec.encode(entry);
        store.append(index, bytes, MerkleHashes.leafHash(bytes), entry.contributors());
        hashes.leafAppended(index);
        return entry;
    }

    /**
     * Up to {@code limit} (1 to {@value #PAGE}) entries that name {@code contributor}, with index
     * below {@code before}, newest first; found through the store's index, decoded from the log.
     *
     * @throws CustodyException INTEGRITY_FAILURE if a pointed-to entry does not name the contributor
     */
    public List<LedgerEntry> aboutContributor(Pseudonym contributor, long before, int limit) {
        requireNonNull(contributor, "contributor is null");
        if (limit < 1 || limit > PAGE) {
            throw CustodyException.invalidInput("at most " + PAGE + " entries at a time");
        }
        Subject named = new Subject(SubjectKind.CONTRIBUTOR, contributor.value());
        List<LedgerEntry> entries = new ArrayList<>();
        for (LedgerStore.StoredEntry stored : store.contributorEntries(contributor.value(), before, limit)) {
            LedgerEntry entry = LedgerEntryCodec.decode(stored.bytes());
            // The store only says where to look: a wrong hit must never show another person's entry.
            if (entry.index() != stored.index() || !entry.subjects().contains(named)) {
                throw CustodyException.integrityFailure();
            }
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The index of the first entry whose leaf hash this is.
     *
     * @throws CustodyException INVALID_INPUT if it is not 32 bytes (it usually comes from a request)
     */
    public Optional<Long> indexOf(Bytes leafHash) {
        requireNonNull(leafHash, "leafHash is null");
        if (leafHash.length() != MerkleHashes.HASH_LENGTH) {
            throw CustodyException.invalidInput("a leaf hash has " + MerkleHashes.HASH_LENGTH + " bytes");
        }
        return store.indexOfLeaf(leafHash);
    }

    public long size() {
        return store.size();
    }

    public Bytes root(long size) {
        checkSize(size);
        return MerkleProofs.root(hashes, size);
    }

    public InclusionProof inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw CustodyException.invalidInput("leaf index outside the tree");
        }
        return MerkleProofs.inclusion(hashes, index, treeSize);
    }

    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        checkSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw CustodyException.invalidInput("old size outside the tree");
        }
        return MerkleProofs.consistency(hashes, oldSize, newSize);
    }

    /**
     * The entry at an index the metadata recorded (a consent's, a clip's ingest): one read. A
     * recorded index is not input: the log lacking that entry is damage.
     *
     * @throws CustodyException INTEGRITY_FAILURE if there is no such entry
     */
    public LedgerEntry recordedEntry(long index) {
        if (index < 0) {
            throw CustodyException.integrityFailure();
        }
        List<LedgerStore.StoredEntry> stored = store.entries(index, 1);
        if (stored.isEmpty() || stored.getFirst().index() != index) {
            throw CustodyException.integrityFailure();
        }
        return LedgerEntryCodec.decode(stored.getFirst().bytes());
    }

    /** The entries {@code [from, to)}, decoded: at most {@value #MAX_ENTRIES} at a time. */
    public List<LedgerEntry> entries(long from, long to) {
        if (from < 0 || to < from) {
            throw CustodyException.invalidInput("range out of order");
        }
        checkSize(to);
        if (to - from > MAX_ENTRIES) {
            throw CustodyException.invalidInput("at most " + MAX_ENTRIES + " entries at a time");
        }
        List<LedgerEntry> entries = new ArrayList<>((int) Math.min(to - from, PAGE));
        long next = from;
        while (next < to) {
            List<LedgerStore.StoredEntry> page = store.entries(next, (int) Math.min(to - next, PAGE));
            for (LedgerStore.StoredEntry stored : page) {
                if (stored.index() != next) {
                    throw CustodyException.integrityFailure();
                }
                entries.add(LedgerEntryCodec.decode(stored.bytes()));
                next++;
            }
            if (page.isEmpty()) {
                throw CustodyException.integrityFailure();
            }
        }
        return entries;
    }

    /**
     * Signs and stores a checkpoint of the log at its current size; if one of that size exists,
     * returns it instead (a size has one root, and one checkpoint).
     */
    public Checkpoint issueCheckpoint(CheckpointSigners signers) {
        requireNonNull(signers, "signers is null");
        long size = store.size();
        Optional<Checkpoint> existing = checkpoint(size);
        if (existing.isPresent()) {
            return existing.get();
        }
        return addCheckpoint(Checkpoint.sign(size, root(size), signers));
    }

    /**
     * Stores a checkpoint signed elsewhere (signing is slow, so callers sign outside their write
     * transaction), after checking that its root is this log's root at its size; if one of that
     * size exists, returns it instead.
     *
     * @throws CustodyException INTEGRITY_FAILURE if the root is not the log's
     */
    public Checkpoint addCheckpoint(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint is null");
        if (!root(checkpoint.size()).equals(checkpoint.rootHash())) {
            throw CustodyException.integrityFailure();
        }
        try {
            store.addCheckpoint(checkpoint.size(), checkpoint.text());
        } catch (CustodyException e) {
            // Another node issued this size first; its checkpoint is as good as ours.
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            return checkpoint(checkpoint.size()).orElseThrow(() -> e);
        }
        return checkpoint;
    }

    public Optional<Checkpoint> checkpoint(long size) {
        return store.checkpoint(size).map(Checkpoint::parse);
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return store.latestCheckpoint().map(Checkpoint::parse);
    }

    /** Every stored checkpoint note, smallest size first. */
    public List<String> checkpointNotes() {
        return store.checkpoints();
    }

    /** Up to {@code limit} stored entries with index {@code >= from}, as stored, in index order. */
    public List<LedgerStore.StoredEntry> storedEntries(long from, int limit) {
        return store.entries(from, limit);
    }

    /**
     * Writes every stored checkpoint and entry, as stored (nothing is checked: that is the
     * verifier's job, and a damaged log must still be exportable to be examined).
     */
    public void exportTo(LedgerExportWriter writer) {
        requireNonNull(writer, "writer is null");
        for (String note : store.checkpoints()) {
            writer.checkpoint(note);
        }
        long next = 0;
        for (List<LedgerStore.StoredEntry> page = store.entries(next, PAGE);
                !page.isEmpty();
                page = store.entries(next, PAGE)) {
            for (LedgerStore.StoredEntry stored : page) {
                writer.entry(stored.bytes());
                next = stored.index() + 1;
            }
        }
        writer.finish();
    }

    private void checkSize(long size) {
        if (size < 0 || size > store.size()) {
            throw CustodyException.invalidInput("size beyond the log");
        }
    }
}
