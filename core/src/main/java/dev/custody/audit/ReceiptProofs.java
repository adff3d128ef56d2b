package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves to a contributor that what a receipt records (a clip's ingest, a consent) was logged: a
 * checkpoint that covers the entry (shared with concurrent callers, see {@link CheckpointIssuer}) and
 * the entry's inclusion proof against it.
 */
public final class ReceiptProofs {
    private final MetadataStore metadata;
    private final CheckpointIssuer checkpoints;

    public ReceiptProofs(MetadataStore metadata, CheckpointIssuer checkpoints) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
    }

    /** The inclusion of an entry, against a checkpoint that covers it. */
    public LedgerInclusion include(LedgerEntry entry) {
        return includeAll(List.of(entry)).getFirst();
    }

    /** The inclusions of entries the caller holds, all against one checkpoint that covers them. */
    public List<LedgerInclusion> includeAll(List<LedgerEntry> entries) {
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
