package dev.custody.clip;

import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;
import java.util.Optional;

/**
 * Proves to a contributor that their clip's ingest was logged: a checkpoint that covers the entry
 * and the entry's inclusion proof against it. Signing a checkpoint (Ed25519 and ML-DSA-65) costs
 * far more than an ingest's other work, so concurrent ingests share one: callers queue, the first
 * signs a checkpoint of everything committed so far, and those behind it find their entries
 * already covered.
 */
final class ReceiptProofs {
    private final MetadataStore metadata;
    private final CheckpointSigners signers;
    private Checkpoint latest;

    ReceiptProofs(MetadataStore metadata, CheckpointSigners signers) {
        this.metadata = metadata;
        this.signers = signers;
    }

    LedgerInclusion include(long entryIndex) {
        Checkpoint checkpoint = covering(entryIndex);
        return metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            var proof = ledger.inclusionProof(entryIndex, checkpoint.size());
            var entry = LedgerEntryCodec.encode(
                    ledger.entries(entryIndex, entryIndex + 1).getFirst());
            return new LedgerInclusion(entryIndex, checkpoint.size(), entry, proof.hashes(), checkpoint.text());
        });
    }

    private synchronized Checkpoint covering(long entryIndex) {
        if (latest == null || latest.size() <= entryIndex) {
            // Another node, or the checkpoint schedule, may have covered the entry already.
            Optional<Checkpoint> stored = metadata.inReadTransaction(
                    repositories -> repositories.ledger().latestCheckpoint());
            latest = stored.filter(found -> found.size() > entryIndex)
                    .orElseGet(() -> metadata.inTransaction(
                            repositories -> repositories.ledger().issueCheckpoint(signers)));
        }
        return latest;
    }
}
