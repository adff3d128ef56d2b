package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.ConsistencyProof;
import dev.custody.ledger.InclusionProof;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerExportWriter;
import dev.custody.ledger.LedgerStore;
import dev.custody.store.MetadataStore;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reading the ledger: checkpoints, proofs, entries and exports, for auditors and for anyone who
 * holds a receipt. Issuing a checkpoint signs the log's current size with both checkpoint keys.
 * Reads need an audit role; the public keys need none.
 */
public final class LedgerService {
    private static final Set<Role> MAY_AUDIT = Set.of(Role.AUDITOR, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final int EXPORT_PAGE = 10_000;

    private final MetadataStore metadata;
    private final CheckpointIssuer checkpoints;
    private final PublishedKeys keys;

    public LedgerService(MetadataStore metadata, CheckpointIssuer checkpoints, PublishedKeys keys) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    public PublishedKeys keys() {
        return keys;
    }

    /** The log's size and the size its latest checkpoint covers. */
    public LedgerStatus status() {
        return metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            return new LedgerStatus(
                    ledger.size(),
                    ledger.latestCheckpoint().map(Checkpoint::size).orElse(0L));
        });
    }

    /** Signs a checkpoint of the current size, or returns the one that exists for it. */
    public Checkpoint issueCheckpoint() {
        return checkpoints.issue();
    }

    /**
     * The latest checkpoint, issuing the first one if the log has none yet. A checkpoint this node
     * gave with a receipt counts before it is stored, so one never reads an older checkpoint than
     * the receipt it holds.
     */
    public Checkpoint latestCheckpoint(Principal caller) {
        caller.require(MAY_AUDIT, "read the ledger");
        Optional<Checkpoint> stored =
                metadata.inReadTransaction(repositories -> repositories.ledger().latestCheckpoint());
        Optional<Checkpoint> newest = Stream.concat(stored.stream(), checkpoints.latest().stream())
                .max(Comparator.comparingLong(Checkpoint::size));
        return newest.orElseGet(this::issueCheckpoint);
    }

    /** The checkpoint of that size: stored, or given with a receipt and not stored yet. */
    public Checkpoint checkpoint(Principal caller, long size) {
        caller.require(MAY_AUDIT, "read the ledger");
        Optional<Checkpoint> found =
                metadata.inReadTransaction(repositories -> repositories.ledger().checkpoint(size));
        return found.or(() -> checkpoints.latest().filter(latest -> latest.size() == size))
                .orElseThrow(() -> CustodyException.notFound("no checkpoint of size " + size));
    }

    public InclusionProof inclusion(Principal caller, long index, long treeSize) {
        caller.require(MAY_AUDIT, "read the ledger");
        return metadata.inReadTransaction(repositories -> repositories.ledger().inclusionProof(index, treeSize));
    }

    /** The inclusion proof of the entry with this leaf hash, SHA-256(0x00 || entry). */
    public InclusionProof inclusionOfLeaf(Principal caller, Bytes leafHash, long treeSize) {
        caller.require(MAY_AUDIT, "read the ledger");
        return metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            long index = ledger.indexOf(leafHash)
                    .filter(i -> i < treeSize)
                    .orElseThrow(
                            () -> CustodyException.notFound("no entry with this hash in a tree of size " + treeSize));
            return ledger.inclusionProof(index, treeSize);
        });
    }

    public ConsistencyProof consistency(Principal caller, long oldSize, long newSize) {
        caller.require(MAY_AUDIT, "read the ledger");
        return metadata.inReadTransaction(repositories -> repositories.ledger().consistencyProof(oldSize, newSize));
    }

    /** Entries {@code [from, to)}, up to the log's end and at most {@link dev.custody.ledger.Ledger#MAX_ENTRIES}. */
    public List<LedgerEntry> entries(Principal caller, long from, long to) {
        caller.require(MAY_AUDIT, "read the ledger");
        return metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            // A range reaching past the end stops at the end: readers poll with open ranges.
            return ledger.entries(from, Math.min(to, ledger.size()));
        });
    }

    /**
     * Writes every checkpoint and entry to {@code out} in the export format, as stored (a damaged
     * log must still be exportable to be examined). Reads page by page in short transactions, so
     * an export of a large log never holds up the writers; the log only grows, so the pages fit.
     */
    public void export(Principal caller, OutputStream out) {
        caller.require(MAY_AUDIT, "export the ledger");
        var writer = LedgerExportWriter.create(out);
        metadata.inReadTransaction(repositories -> repositories.ledger().checkpointNotes())
                .forEach(writer::checkpoint);
        long next = 0;
        while (true) {
            long from = next;
            List<LedgerStore.StoredEntry> page = metadata.inReadTransaction(
                    repositories -> repositories.ledger().storedEntries(from, EXPORT_PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (LedgerStore.StoredEntry stored : page) {
                writer.entry(stored.bytes());
                next = stored.index() + 1;
            }
        }
        writer.finish();
    }
}
