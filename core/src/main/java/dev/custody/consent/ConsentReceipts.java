package dev.custody.consent;

import dev.custody.CustodyException;
import dev.custody.audit.ReceiptProofs;
import dev.custody.contributor.ConsentRecord;
import dev.custody.ledger.ConsentGiven;
import dev.custody.ledger.LedgerEntry;
import dev.custody.receipt.ConsentReceipt;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.store.MetadataStore;
import java.util.Optional;

/** Issues signed consent receipts: the consent, its ledger entry's inclusion proof and a checkpoint. */
final class ConsentReceipts {
    private final MetadataStore metadata;
    private final ReceiptSigner signer;
    private final ReceiptProofs proofs;

    ConsentReceipts(MetadataStore metadata, ReceiptSigner signer, ReceiptProofs proofs) {
        this.metadata = metadata;
        this.signer = signer;
        this.proofs = proofs;
    }

    /** The receipt of a consent whose entry the caller has just appended. */
    SignedConsentReceipt issue(ConsentRecord consent, LedgerEntry entry) {
        return signer.sign(new ConsentReceipt(
                consent.id(),
                consent.contributor(),
                consent.project(),
                consent.termsVersion(),
                consent.termsHash(),
                consent.givenAt(),
                proofs.include(entry),
                consent.paperFormSha256()));
    }

    /** The receipt of a stored consent, its entry read back from the ledger; empty if it has none. */
    Optional<SignedConsentReceipt> reissue(ConsentRecord consent) {
        if (consent.ledgerIndex().isEmpty()) {
            return Optional.empty();
        }
        long index = consent.ledgerIndex().getAsLong();
        LedgerEntry entry =
                metadata.inReadTransaction(repositories -> repositories.ledger().recordedEntry(index));
        // Never sign a receipt over another entry than this consent's.
        var given = new ConsentGiven(
                consent.contributor(), consent.project(), consent.id(), consent.termsVersion(), consent.termsHash());
        if (!entry.records(given)) {
            throw CustodyException.integrityFailure();
        }
        return Optional.of(issue(consent, entry));
    }
}
