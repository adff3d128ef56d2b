package dev.custody.clip;

import dev.custody.audit.CheckpointIssuer;
import dev.custody.ledger.LedgerEntry;
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

    /** The inclusion of an entry the caller has just appended (so its bytes need no reading back). */
    LedgerInclusion include(LedgerEntry entry) {
        var checkpoint = checkpoints.covering(entry.index());
        var proof = metadata.inReadTransaction(
                repositories -> repositories.ledger().inclusionProof(entry.index(), checkpoint.size()));
        return new LedgerInclusion(
                entry.index(), checkpoint.size(), LedgerEntryCodec.encode(entry), proof.hashes(), checkpoint.text());
    }
}
