package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;

/**
 * A consent receipt and the platform's signature over its canonical body, in the same text form as
 * a clip's {@link SignedReceipt} (UTF-8, LF line ends, an empty line, the signature line; at most 64
 * KiB), with this body:
 *
 * <pre>
 * custody-consent-receipt/1              format and version
 * consent cns_...                        the consent id
 * contributor ctb_...                    the contributor's pseudonym
 * project prj_...                        the project id
 * terms-version 2                        decimal, no sign, no leading zero
 * terms-sha256 &lt;64 hex&gt;                  SHA-256 of the terms document consented to, lowercase hex
 * given-at 2026-01-31T12:00:00.000Z      UTC, always with milliseconds
 * recorded-by-staff-paper-form-sha256 &lt;64 hex&gt;   only for a consent that staff recorded from a
 *                                        signed paper form: SHA-256 of the scanned form, lowercase hex
 * ledger-leaf-index 41                   the ConsentGiven entry: decimal
 * ledger-tree-size 42                    decimal
 * ledger-entry &lt;base64&gt;                  the entry's canonical bytes, standard base64, padded
 * ledger-proof &lt;64 hex&gt;                  zero or more lines, leaf to root
 * ledger-checkpoint &lt;base64&gt;             the checkpoint's UTF-8 text, standard base64, padded
 * </pre>
 *
 * <p>Guarantees: {@link #parse} accepts exactly the texts that {@link #toText} produces. Parsing checks
 * the form, not the signature: use {@link ReceiptVerifier}. Throws {@code IllegalArgumentException}
 * when constructed with another algorithm than Ed25519, a malformed key id or a signature that is not
 * 64 bytes.
 */
public record SignedConsentReceipt(ConsentReceipt receipt, String algorithm, String keyId, Bytes signature) {
    public SignedConsentReceipt {
        requireNonNull(receipt, "receipt is null");
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(signature, "signature is null");
        ReceiptEnvelope.checkSignature(algorithm, keyId, signature);
    }

    /** The receipt's text: its canonical body, an empty line, and the signature line. */
    public String toText() {
        return ReceiptEnvelope.text(ConsentReceiptFormat.encode(receipt), keyId, signature);
    }

    /** Reads a consent receipt's text strictly; INVALID_INPUT for anything but the exact form above. */
    public static SignedConsentReceipt parse(String text) {
        requireNonNull(text, "text is null");
        var parts = ReceiptEnvelope.split(text);
        try {
            return new SignedConsentReceipt(
                    ConsentReceiptFormat.decode(parts.body()),
                    ReceiptEnvelope.ALGORITHM,
                    parts.keyId(),
                    parts.signature());
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("malformed consent receipt: " + e.getMessage());
        }
    }
}
