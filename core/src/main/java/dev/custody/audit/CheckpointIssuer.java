package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.store.MetadataStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Signs checkpoints without holding up writers: the size and root are read in a read transaction
 * and signed (Ed25519 and ML-DSA-65) outside any transaction.
 *
 * <p>{@link #covering} serves receipts, which need a checkpoint that includes their entry.
 * Concurrent callers share rounds: one signs a checkpoint of everything committed when it started,
 * and a caller whose entry that covers takes it instead of signing its own. Such a checkpoint is
 * stored in the background rather than before it is handed out: its entries are already durable,
 * so its root is fixed, and should a crash lose the stored copy, re-issuing that size yields the
 * same root. Waiting for its commit would put a second durable write on every ingest's path.
 * {@link #issue} stores before it returns.
 */
public final class CheckpointIssuer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CheckpointIssuer.class.getName());

    private final MetadataStore metadata;
    private final CheckpointSigners signers;
    private final Object round = new Object();
    private final ExecutorService storer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("custody-checkpoint-store").factory());
    private volatile Checkpoint latest;

    public CheckpointIssuer(MetadataStore metadata, CheckpointSigners signers) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.signers = requireNonNull(signers, "signers is null");
    }

    /** A checkpoint of the log as it is now, stored (or the stored one of the same size). */
    public Checkpoint issue() {
        Checkpoint stored =
                metadata.inTransaction(repositories -> repositories.ledger().addCheckpoint(signNow()));
        remember(stored);
        return stored;
    }

    /**
     * The newest checkpoint this node has signed or stored, if any since it started: it may not be
     * stored yet (see above), but its entries are durable and its root fixed.
     */
    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    /** A checkpoint whose tree includes entry {@code index}, signing a new one only if needed. */
    public Checkpoint covering(long index) {
        Checkpoint known = latest;
        if (known != null && known.size() > index) {
            return known;
        }
        synchronized (round) {
            known = latest;
            if (known != null && known.size() > index) {
                return known;
            }
            Checkpoint signed = signNow();
            remember(signed);
            storer.execute(() -> store(signed));
            return signed;
        }
    }

    private Checkpoint signNow() {
        SizedRoot now = metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            long size = ledger.size();
            return new SizedRoot(size, ledger.root(size));
        });
        return Checkpoint.sign(now.size(), now.root(), signers);
    }

    private void store(Checkpoint checkpoint) {
        try {
            metadata.inTransaction(repositories -> repositories.ledger().addCheckpoint(checkpoint));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "checkpoint of size {0} not stored ({1}); the next one covers it",
                    checkpoint.size(),
                    e.getClass().getSimpleName());
        }
    }

    private synchronized void remember(Checkpoint checkpoint) {
        if (latest == null || checkpoint.size() > latest.size()) {
            latest = checkpoint;
        }
    }

    /** Stores what is still pending; call before closing the metadata store. */
    @Override
    public void close() {
        storer.shutdown();
        try {
            storer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record SizedRoot(long size, Bytes root) {}
}
