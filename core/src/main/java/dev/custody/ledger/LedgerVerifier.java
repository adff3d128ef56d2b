package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ledger.LedgerVerification.Failed;
import dev.custody.ledger.LedgerVerification.Problem;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a ledger export offline, against the log's public keys obtained out of band, in one pass
 * and O(log n) memory: each entry must decode and carry its own position as index; the root is
 * recomputed at the size of every checkpoint, each of which must carry both valid signatures and
 * that root. Equal recomputed roots make consecutive checkpoints consistent by construction, a
 * stronger check than a consistency proof. Checkpoints the caller kept from earlier (which a
 * tamperer cannot have rewritten) are checked the same way.
 *
 * <p>Throws STORAGE_UNAVAILABLE if the export cannot be read; a malformed export fails with
 * INTEGRITY_FAILURE from the reader.
 */
public final class LedgerVerifier {
    private final CheckpointVerifier signatures;

    private LedgerVerifier(CheckpointVerifier signatures) {
        this.signatures = signatures;
    }

    public static LedgerVerifier of(CheckpointKeys keys) {
        return new LedgerVerifier(CheckpointVerifier.of(keys));
    }

    public LedgerVerification verify(LedgerExportReader export) {
        return verify(export, List.of());
    }

    public LedgerVerification verify(LedgerExportReader export, List<Checkpoint> kept) {
        requireNonNull(export, "export is null");
        requireNonNull(kept, "kept is null");
        List<Checkpoint> checkpoints = new ArrayList<>(kept);
        for (String note : export.checkpoints()) {
            try {
                checkpoints.add(Checkpoint.parse(note));
            } catch (CustodyException e) {
                // Its size is unknown, so nothing past the start can be vouched for.
                return new Failed(0, Problem.MALFORMED_CHECKPOINT);
            }
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::size));
        return new Pass(checkpoints).run(export);
    }

    /** The state of one pass over the entries. */
    private final class Pass {
        private final List<Checkpoint> checkpoints;
        private final CompactRange range = new CompactRange();
        private int nextCheckpoint;
        private long proven;

        Pass(List<Checkpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }

        LedgerVerification run(LedgerExportReader export) {
            Optional<Failed> failure = checkpointsAtSize();
            while (failure.isEmpty()) {
                Optional<Bytes> next = export.nextEntry();
                if (next.isEmpty()) {
                    break;
                }
                failure = entry(next.get()).or(this::checkpointsAtSize);
            }
            if (failure.isPresent()) {
                return failure.get();
            }
            if (nextCheckpoint < checkpoints.size()) {
                boolean signed = signatures.verifies(checkpoints.get(nextCheckpoint));
                return signed
                        ? new Failed(range.size(), Problem.MISSING_ENTRIES)
                        : new Failed(proven, Problem.BAD_SIGNATURE);
            }
            return new LedgerVerification.Verified(range.size(), proven);
        }

        private Optional<Failed> entry(Bytes bytes) {
            long index = range.size();
            LedgerEntry entry;
            try {
                entry = LedgerEntryCodec.decode(bytes);
            } catch (CustodyException e) {
                return Optional.of(new Failed(index, Problem.MALFORMED_ENTRY));
            }
            if (entry.index() != index) {
                return Optional.of(new Failed(index, Problem.MISPLACED_ENTRY));
            }
            range.append(MerkleHashes.leaf(bytes.toArray()));
            return Optional.empty();
        }

        /** Checks every checkpoint of the current size. */
        private Optional<Failed> checkpointsAtSize() {
            byte[] root = null;
            while (nextCheckpoint < checkpoints.size()
                    && checkpoints.get(nextCheckpoint).size() == range.size()) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                if (!signatures.verifies(checkpoint)) {
                    return Optional.of(new Failed(proven, Problem.BAD_SIGNATURE));
                }
                root = root == null ? range.root() : root;
                if (!MessageDigest.isEqual(root, checkpoint.rootHash().toArray())) {
                    return Optional.of(new Failed(proven, Problem.ROOT_MISMATCH));
                }
                proven = range.size();
            }
            return Optional.empty();
        }
    }
}
