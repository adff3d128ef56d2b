package dev.custody.receipt;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What every kind of receipt text shares: a canonical body, an empty line and one signature line
 * ({@code U+2014}, a space, the key id, a space, the Ed25519 signature in padded standard base64),
 * at most {@value #MAX_TEXT_BYTES} bytes, printable ASCII but for the LFs and the dash. The layout
 * is spelled out on {@link SignedReceipt}.
 */
final class ReceiptEnvelope {
    static final String ALGORITHM = "Ed25519";
    static final int MAX_TEXT_BYTES = 64 * 1024;

    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final int SIGNATURE_LENGTH = 64;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** A text split into its body (ending in its last LF), key id and signature. */
    record Parts(String body, String keyId, Bytes signature) {}

    private ReceiptEnvelope() {}

    /** Throws IllegalArgumentException unless these are an Ed25519 signature and a well-formed key id. */
    static void checkSignature(String algorithm, String keyId, Bytes signature) {
        if (!algorithm.equals(ALGORITHM)) {
            throw new IllegalArgumentException("receipts are signed with " + ALGORITHM + ", not " + algorithm);
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1 to 128 printable ASCII characters, no space");
        }
        if (signature.length() != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes");
        }
    }

    static String text(String body, String keyId, Bytes signature) {
        return body + "\n" + SIGNATURE_PREFIX + keyId + " " + signature.base64() + "\n";
    }

    /** Splits a text strictly; INVALID_INPUT for anything but the form above. */
    static Parts split(String text) {
        checkCharacters(text);
        int end = text.indexOf("\n\n");
        if (end < 0) {
            throw CustodyException.invalidInput("receipt has no empty line before its signature");
        }
        String line = text.substring(end + 2);
        if (!line.startsWith(SIGNATURE_PREFIX) || !line.endsWith("\n") || line.indexOf('\n') != line.length() - 1) {
            throw CustodyException.invalidInput("receipt must end with exactly one signature line");
        }
        String[] parts =
                line.substring(SIGNATURE_PREFIX.length(), line.length() - 1).split(" ", -1);
        if (parts.length != 2) {
            throw CustodyException.invalidInput("signature line must hold a key id and a signature");
        }
        Bytes signature = Bytes.fromBase64(parts[1]);
        if (!signature.base64().equals(parts[1])) {
            throw CustodyException.invalidInput("signature is not canonical base64");
        }
        return new Parts(text.substring(0, end + 1), parts[0], signature);
    }

    private static void checkCharacters(String text) {
        // Characters first: a string of 64 Ki characters could still be 192 KiB as UTF-8.
        if (text.length() > MAX_TEXT_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw CustodyException.invalidInput("receipt is longer than 64 KiB");
        }
        if (text.indexOf('\r') >= 0) {
            throw CustodyException.invalidInput("receipt contains a carriage return");
        }
        if (text.chars().anyMatch(c -> c != '\n' && c != '\u2014' && (c < 0x20 || c > 0x7e))) {
            throw CustodyException.invalidInput("receipt contains a character outside its format");
        }
    }
}
