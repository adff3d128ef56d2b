package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;

/**
 * A receipt and the platform's signature over its canonical body, in a text form (in the spirit of
 * the C2SP signed note) that a contributor can keep, read, and verify offline.
 *
 * <p>The text, UTF-8, every line ending in a single LF (0x0A), no CR anywhere:
 *
 * <pre>
 * custody-receipt/1                      format and version
 * clip clp_...                           the clip id
 * project prj_...                        the project id
 * prompt-index 0                         decimal, no sign, no leading zero
 * prompt-sha256 &lt;64 hex&gt;                 SHA-256 of the prompt's UTF-8 text, lowercase hex
 * contributor ctb_...                    the contributor's pseudonym
 * audio-sha256 &lt;64 hex&gt;                  SHA-256 of the received audio file, lowercase hex
 * received-at 2026-01-31T12:00:00.000Z   UTC, always with milliseconds
 * consent-terms-version 1                decimal
 * ledger-leaf-index 41                   only with a ledger inclusion: decimal
 * ledger-tree-size 42                    decimal
 * ledger-entry &lt;base64&gt;                  the ledger entry's canonical bytes, standard base64, padded
 * ledger-proof &lt;64 hex&gt;                  zero or more lines, one per proof hash, leaf to root
 * ledger-checkpoint &lt;base64&gt;             the checkpoint's UTF-8 text, standard base64, padded
 *                                        (an empty line)
 * — &lt;keyId&gt; &lt;base64 signature&gt;          U+2014, a space, the key id, a space, the signature
 * </pre>
 *
 * <p>Every body line is a key, one space (0x20) and a non-empty value. The body (the header line up
 * to and including the newline ending the last body line) is what is signed, with Ed25519: the
 * 64-byte signature, standard base64 with padding. The key id is 1 to 128 printable ASCII
 * characters other than space; it only helps find the key and is not signed. A text is at most
 * {@value #MAX_TEXT_BYTES} bytes.
 *
 * <p>Guarantees: {@link #parse} accepts exactly the texts that {@link #toText} produces, so a parsed
 * receipt's text is byte for byte the text it came from. Parsing checks the form, not the
 * signature: use {@link ReceiptVerifier}. Throws {@code IllegalArgumentException} when constructed
 * with another algorithm, a malformed key id or a signature that is not 64 bytes.
 */
public record SignedReceipt(Receipt receipt, String algorithm, String keyId, Bytes signature) {
    /** The only signature algorithm of receipt format 1. */
    public static final String ALGORITHM = ReceiptEnvelope.ALGORITHM;

    public static final int MAX_TEXT_BYTES = ReceiptEnvelope.MAX_TEXT_BYTES;

    public SignedReceipt {
        requireNonNull(receipt, "receipt is null");
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(signature, "signature is null");
        ReceiptEnvelope.checkSignature(algorithm, keyId, signature);
    }

    /** The receipt's text: its canonical body, an empty line, and the signature line. */
    public String toText() {
        return ReceiptEnvelope.text(ReceiptFormat.encode(receipt), keyId, signature);
    }

    /**
     * Reads a receipt's text strictly.
     *
     * @throws CustodyException INVALID_INPUT for anything but the exact form above: a missing, extra
     *     or reordered line, bad hex or base64, a CR, a non-canonical number or time, more than 64
     *     KiB
     */
    public static SignedReceipt parse(String text) {
        requireNonNull(text, "text is null");
        var parts = ReceiptEnvelope.split(text);
        try {
            return new SignedReceipt(ReceiptFormat.decode(parts.body()), ALGORITHM, parts.keyId(), parts.signature());
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("malformed receipt: " + e.getMessage());
        }
    }
}
