package dev.custody.clip;

import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;

/**
 * Proves to a contributor that their clip's ingest was logged: a checkpoint that covers the entry
 * (the latest one if it does, else a new one) and the entry's inclusion proof against it.
 */
final class ReceiptProofs {
    private final MetadataStore metadata;
    private final CheckpointSigners signers;

    ReceiptProofs(MetadataStore metadata, CheckpointSigners signers) {
        this.metadata = metadata;
        this.signers = signers;
    }

    LedgerInclusion include(long entryIndex) {
        return metadata.inTransaction(repositories -> {
            var ledger = repositories.ledger();
            Checkpoint checkpoint = ledger.latestCheckpoint()
                    .filter(latest -> latest.size() > entryIndex)
                    .orElseGet(() -> ledger.issueCheckpoint(signers));
            var proof = ledger.inclusionProof(entryIndex, checkpoint.size());
            var entry = LedgerEntryCodec.encode(
                    ledger.entries(entryIndex, entryIndex + 1).getFirst());
            return new LedgerInclusion(entryIndex, checkpoint.size(), entry, proof.hashes(), checkpoint.text());
        });
    }
}
