package dev.custody.clip;

import dev.custody.audit.CheckpointIssuer;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;

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
        return includeAll(List.of(entry)).getFirst();
    }

    /** The inclusions of entries the caller holds, all against one checkpoint that covers them. */
    List<LedgerInclusion> includeAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        long last = entries.stream().mapToLong(LedgerEntry::index).max().orElseThrow();
        var checkpoint = checkpoints.covering(last);
        return metadata.inReadTransaction(repositories -> {
            List<LedgerInclusion> inclusions = new ArrayList<>(entries.size());
            for (LedgerEntry entry : entries) {
                var proof = repositories.ledger().inclusionProof(entry.index(), checkpoint.size());
                inclusions.add(new LedgerInclusion(
                        entry.index(),
                        checkpoint.size(),
                        LedgerEntryCodec.encode(entry),
                        proof.hashes(),
                        checkpoint.text()));
            }
            return inclusions;
        });
    }
}
