package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.audit.CheckpointIssuer;
import dev.custody.audit.ReceiptProofs;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.MerkleHashes;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DeliveryProofs} from this installation's ledger: the entries are read at their recorded
 * indexes (an absent one is an integrity failure), then proven against one checkpoint covering the
 * last, as the receipts are.
 */
public final class LedgerDeliveryProofs implements DeliveryProofs {
    private final MetadataStore metadata;
    private final ReceiptProofs proofs;

    public LedgerDeliveryProofs(MetadataStore metadata, CheckpointIssuer checkpoints) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.proofs = new ReceiptProofs(metadata, requireNonNull(checkpoints, "checkpoints is null"));
    }

    @Override
    public Proven prove(List<Long> indexes) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("nothing to prove");
        }
        List<LedgerEntry> entries = metadata.inReadTransaction(repositories -> {
            var ledger = repositories.ledger();
            List<LedgerEntry> read = new ArrayList<>(indexes.size());
            indexes.forEach(index -> read.add(ledger.recordedEntry(index)));
            return read;
        });
        List<LedgerInclusion> inclusions = proofs.includeAll(entries);
        List<LeafProof> leaves = inclusions.stream()
                .map(inclusion -> new LeafProof(
                        inclusion.leafIndex(), MerkleHashes.leafHash(inclusion.entry()), inclusion.proof()))
                .toList();
        return new Proven(inclusions.getFirst().checkpoint(), leaves);
    }
}
