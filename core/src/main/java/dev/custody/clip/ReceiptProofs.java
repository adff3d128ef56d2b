package dev.custody.clip;

import dev.custody.audit.CheckpointIssuer;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;

/**
 * Proves to a contributor that their clip's ingest was logged: a checkpoint that covers the entry
 * (shared with concurrent ingests, see {@link CheckpointIssuer}) and the entry's inclusion proof
 * against it.
 */
final class ReceiptProofs {
    private final MetadataStore metadata;
    private final CheckpointIssuer checkpoints;

    ReceiptProofs(MetadataStore metadata, CheckpointIssuer checkpoints) {
        this.metadata = metadata;
        this.checkpoints = checkpoints;
    }

    LedgerInclusion include(long entryIndex) {
        var checkpoint = checkpoints.covering(entryIndex);
        return metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            var proof = ledger.inclusionProof(entryIndex, checkpoint.size());
            var entry = LedgerEntryCodec.encode(
                    ledger.entries(entryIndex, entryIndex + 1).getFirst());
            return new LedgerInclusion(entryIndex, checkpoint.size(), entry, proof.hashes(), checkpoint.text());
        });
    }
}
