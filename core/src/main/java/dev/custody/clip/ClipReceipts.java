package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.audit.CheckpointIssuer;
import dev.custody.audit.ReceiptProofs;
import dev.custody.ledger.ClipIngested;
import dev.custody.ledger.LedgerEntry;
import dev.custody.receipt.LedgerInclusion;
import dev.custody.receipt.Receipt;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.receipt.SignedReceipt;
import dev.custody.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Receipts of clips already stored, rebuilt from their {@code ClipIngested} ledger entries: the
 * fields of the receipt given at ingest, the same entry, and a fresh inclusion proof against one
 * checkpoint covering every entry asked for. Each verifies offline exactly as the receipt given at
 * ingest does ({@code custody verify receipt}).
 */
public final class ClipReceipts {
    private final ReceiptProofs proofs;
    private final ReceiptSigner signer;

    public ClipReceipts(MetadataStore metadata, CheckpointIssuer checkpoints, ReceiptSigner signer) {
        this.proofs = new ReceiptProofs(
                requireNonNull(metadata, "metadata is null"), requireNonNull(checkpoints, "checkpoints is null"));
        this.signer = requireNonNull(signer, "signer is null");
    }

    /** What a receipt is rebuilt from: the clip, its ingest entry, its prompt and the terms consented to. */
    public record Ingested(Clip clip, LedgerEntry entry, String prompt, int consentTermsVersion) {
        public Ingested {
            requireNonNull(clip, "clip is null");
            requireNonNull(entry, "entry is null");
            requireNonNull(prompt, "prompt is null");
        }
    }

    /**
     * Signed receipts, in the order asked for.
     *
     * @throws CustodyException INTEGRITY_FAILURE if an entry does not record its clip's ingest
     */
    public List<SignedReceipt> of(List<Ingested> clips) {
        for (Ingested ingested : clips) {
            Clip clip = ingested.clip();
            var event = new ClipIngested(clip.id(), clip.contributor(), clip.project(), clip.sha256());
            if (!ingested.entry().records(event)) {
                throw CustodyException.integrityFailure();
            }
        }
        List<LedgerInclusion> inclusions =
                proofs.includeAll(clips.stream().map(Ingested::entry).toList());
        List<SignedReceipt> receipts = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            Ingested ingested = clips.get(i);
            receipts.add(signer.sign(unsigned(ingested.clip(), ingested.prompt(), ingested.consentTermsVersion())
                    .withLedger(inclusions.get(i))));
        }
        return receipts;
    }

    /** The receipt of a clip before its ledger inclusion is added. */
    static Receipt unsigned(Clip clip, String prompt, int consentTermsVersion) {
        return Receipt.of(
                clip.id(),
                clip.project(),
                clip.promptIndex(),
                prompt,
                clip.contributor(),
                clip.sha256(),
                clip.createdAt(),
                consentTermsVersion);
    }
}
