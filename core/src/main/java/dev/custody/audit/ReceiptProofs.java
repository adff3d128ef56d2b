package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.InclusionProof;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Proves to a contributor that what a receipt records (a clip's ingest, a consent) was logged: a
 * checkpoint that covers the entry (shared with concurrent callers, see {@link CheckpointIssuer}) and
 * the entry's inclusion proof against it.
 *
 * <p>Concurrent callers of {@link #include} share the work too. Proofs of recent entries need the
 * same tiles and nodes on the log's right edge, so whoever holds the lock proves every request
 * queued so far in one read transaction, where each tile is read and each node hashed once;
 * a caller whose request was proven meanwhile takes its result and leaves.
 */
public final class ReceiptProofs {
    private final MetadataStore metadata;
    private final CheckpointIssuer checkpoints;
    private final ConcurrentLinkedQueue<Request> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock proving = new ReentrantLock();

    public ReceiptProofs(MetadataStore metadata, CheckpointIssuer checkpoints) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
    }

    /** The inclusion of an entry, against a checkpoint that covers it. */
    public LedgerInclusion include(LedgerEntry entry) {
        var request = new Request(entry, checkpoints.covering(entry.index()));
        queued.add(request);
        proving.lock();
        try {
            if (!request.done) {
                proveQueued();
            }
        } finally {
            proving.unlock();
        }
        return request.outcome();
    }

    /** The inclusions of entries the caller holds, all against one checkpoint that covers them. */
    public List<LedgerInclusion> includeAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        long last = entries.stream().mapToLong(LedgerEntry::index).max().orElseThrow();
        Checkpoint checkpoint = checkpoints.covering(last);
        return metadata.inReadTransaction(repositories -> {
            Ledger ledger = repositories.ledger();
            return entries.stream()
                    .map(entry -> inclusion(ledger, entry, checkpoint))
                    .toList();
        });
    }

    // Called with the lock held.
    private void proveQueued() {
        List<Request> batch = new ArrayList<>();
        for (Request next; (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        try {
            metadata.useReadTransaction(repositories -> {
                Ledger ledger = repositories.ledger();
                batch.forEach(request -> request.prove(ledger));
            });
        } catch (RuntimeException e) {
            // A failure of the transaction itself fails every request it held.
            batch.forEach(request -> request.fail(e));
        }
    }

    private static LedgerInclusion inclusion(Ledger ledger, LedgerEntry entry, Checkpoint checkpoint) {
        return inclusion(entry, checkpoint, ledger.inclusionProof(entry.index(), checkpoint.size()));
    }

    private static LedgerInclusion inclusion(LedgerEntry entry, Checkpoint checkpoint, InclusionProof proof) {
        return new LedgerInclusion(
                entry.index(), checkpoint.size(), LedgerEntryCodec.encode(entry), proof.hashes(), checkpoint.text());
    }

    /**
     * One caller's entry and, once proven under the lock, its proof (read after the lock). The
     * caller builds its inclusion from it: work that needs no lock stays off the shared path.
     */
    private static final class Request {
        private final LedgerEntry entry;
        private final Checkpoint checkpoint;
        private boolean done;
        private InclusionProof proof;
        private RuntimeException failure;

        Request(LedgerEntry entry, Checkpoint checkpoint) {
            this.entry = entry;
            this.checkpoint = checkpoint;
        }

        void prove(Ledger ledger) {
            try {
                proof = ledger.inclusionProof(entry.index(), checkpoint.size());
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }

        void fail(RuntimeException e) {
            if (!done) {
                failure = e;
                done = true;
            }
        }

        LedgerInclusion outcome() {
            if (failure != null) {
                throw failure;
            }
            if (!done) {
                // Its batch ended in an Error, which its prover's caller got.
                throw new IllegalStateException("the proof was abandoned");
            }
            return inclusion(entry, checkpoint, proof);
        }
    }
}
