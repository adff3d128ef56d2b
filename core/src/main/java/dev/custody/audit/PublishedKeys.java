package dev.custody.audit;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ledger.CheckpointKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The public keys anyone needs to verify Custody offline: the ledger's checkpoint keys (Ed25519
 * and ML-DSA-65, under the log's origin name) and the receipts' Ed25519 key. Published at {@code
 * /.well-known/custody/keys} and printed by {@code custody ledger keys}, as text:
 *
 * <pre>
 * custody-keys/1
 * origin ORIGIN
 * ledger-ed25519 BASE64(X.509 SubjectPublicKeyInfo)
 * ledger-ml-dsa-65 BASE64(X.509 SubjectPublicKeyInfo)
 * receipts-ed25519 BASE64(X.509 SubjectPublicKeyInfo)
 * </pre>
 *
 * each line ending in a single {@code \n}, in exactly this order.
 */
public record PublishedKeys(CheckpointKeys ledger, PublicKey receipts) {
    private static final String HEADER = "custody-keys/1";

    public PublishedKeys {
        requireNonNull(ledger, "ledger is null");
        requireNonNull(receipts, "receipts is null");
    }

    public String toText() {
        return HEADER + "\n"
                + "origin " + ledger.origin() + "\n"
                + "ledger-ed25519 " + encode(ledger.ed25519()) + "\n"
                + "ledger-ml-dsa-65 " + encode(ledger.mlDsa65()) + "\n"
                + "receipts-ed25519 " + encode(receipts) + "\n";
    }

    /** Parses the text form strictly; INVALID_INPUT for anything else. */
    public static PublishedKeys parse(String text) {
        requireNonNull(text, "text is null");
        if (text.length() > 64 * 1024 || !text.endsWith("\n") || text.contains("\r")) {
            throw malformed();
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() != 5 || !lines.get(0).equals(HEADER)) {
            throw malformed();
        }
        try {
            var ledger = new CheckpointKeys(
                    value(lines.get(1), "origin"),
                    decode(value(lines.get(2), "ledger-ed25519"), "Ed25519"),
                    decode(value(lines.get(3), "ledger-ml-dsa-65"), "ML-DSA"));
            return new PublishedKeys(ledger, decode(value(lines.get(4), "receipts-ed25519"), "Ed25519"));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw malformed();
        }
        return line.substring(key.length() + 1);
    }

    private static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static PublicKey decode(String base64, String algorithm) {
        try {
            byte[] encoded = Base64.getDecoder().decode(base64);
            // The decoder ignores the unused low bits of the last character: refuse what would not
            // print back as itself, so that one set of keys has exactly one text.
            if (!Base64.getEncoder().encodeToString(encoded).equals(base64)) {
                throw malformed();
            }
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw malformed();
        }
    }

    private static CustodyException malformed() {
        return CustodyException.invalidInput("not a custody-keys/1 document");
    }
}
