package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.contributor.ConsentRecord;
import dev.custody.receipt.SignedConsentReceipt;
import java.util.Optional;

/** One of a contributor's consents as they see it, with its signed receipt (absent only for consents recorded before receipts). */
public record MyConsent(ConsentRecord consent, Optional<SignedConsentReceipt> receipt) {
    public MyConsent {
        requireNonNull(consent, "consent is null");
        requireNonNull(receipt, "receipt is null");
    }
}
