package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Checks a receipt's signature offline, with the platform's public receipt key (the caller picks
 * the key, for instance by the receipt's key id). Throws {@link CustodyException} INTEGRITY_FAILURE,
 * with no further detail, when the signature does not match the receipt's canonical body under
 * that key, or the key is not an Ed25519 key.
 */
public final class ReceiptVerifier {
    private ReceiptVerifier() {}

    public static void verify(SignedReceipt receipt, PublicKey key) {
        requireNonNull(receipt, "receipt is null");
        verify(ReceiptFormat.signedBytes(receipt.receipt()), receipt.signature(), key);
    }

    public static void verify(SignedConsentReceipt receipt, PublicKey key) {
        requireNonNull(receipt, "receipt is null");
        verify(ConsentReceiptFormat.signedBytes(receipt.receipt()), receipt.signature(), key);
    }

    private static void verify(byte[] body, Bytes signature, PublicKey key) {
        requireNonNull(key, "key is null");
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(ReceiptEnvelope.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(body);
            valid = verifier.verify(signature.toArray());
        } catch (InvalidKeyException | SignatureException e) {
            throw CustodyException.integrityFailure(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK 15 or later provides Ed25519", e);
        }
        if (!valid) {
            throw CustodyException.integrityFailure();
        }
    }
}
