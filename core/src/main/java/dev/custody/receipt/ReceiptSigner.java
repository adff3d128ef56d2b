package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.keys.Signer;

/**
 * Signs receipts with the platform's receipt key. The private key stays with the {@link Signer}.
 * Thread-safe if the signer is. Throws {@code IllegalArgumentException} at construction for a
 * signer of another algorithm than {@value SignedReceipt#ALGORITHM}; whatever the signer throws
 * propagates.
 */
public final class ReceiptSigner {
    private final Signer signer;

    public ReceiptSigner(Signer signer) {
        this.signer = requireNonNull(signer, "signer is null");
        if (!SignedReceipt.ALGORITHM.equals(signer.algorithm())) {
            throw new IllegalArgumentException("receipts are signed with " + SignedReceipt.ALGORITHM);
        }
    }

    /** Signs the receipt's canonical body (see {@link SignedReceipt}). */
    public SignedReceipt sign(Receipt receipt) {
        byte[] signature = signer.sign(ReceiptFormat.signedBytes(requireNonNull(receipt, "receipt is null")));
        return new SignedReceipt(receipt, signer.algorithm(), signer.keyId(), Bytes.copyOf(signature));
    }

    /** Signs the consent receipt's canonical body (see {@link SignedConsentReceipt}). */
    public SignedConsentReceipt sign(ConsentReceipt receipt) {
        byte[] signature = signer.sign(ConsentReceiptFormat.signedBytes(requireNonNull(receipt, "receipt is null")));
        return new SignedConsentReceipt(receipt, signer.algorithm(), signer.keyId(), Bytes.copyOf(signature));
    }
}
