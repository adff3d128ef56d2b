package dev.custody.receipt;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical body of a receipt: the exact bytes that are signed. The layout is documented on
 * {@link SignedReceipt}. Decoding is strict and ends by re-encoding: a body is accepted only if it
 * is byte for byte the canonical encoding of what was read, so one receipt has exactly one text.
 */
final class ReceiptFormat {
    static final String HEADER = "custody-receipt/" + Receipt.FORMAT_VERSION;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private ReceiptFormat() {}

    static String encode(Receipt receipt) {
        StringBuilder text = new StringBuilder(1024).append(HEADER).append('\n');
        line(text, "clip", receipt.clip().value());
        line(text, "project", receipt.project().value());
        line(text, "prompt-index", Integer.toString(receipt.promptIndex()));
        line(text, "prompt-sha256", receipt.promptSha256().hex());
        line(text, "contributor", receipt.contributor().value());
        line(text, "audio-sha256", receipt.audioSha256().hex());
        line(text, "received-at", TIME.format(receipt.receivedAt()));
        line(text, "consent-terms-version", Integer.toString(receipt.consentTermsVersion()));
        receipt.ledger().ifPresent(ledger -> ledgerLines(text, ledger));
        return text.toString();
    }

    /** The lines of a ledger inclusion, as every kind of receipt writes them. */
    static void ledgerLines(StringBuilder text, LedgerInclusion ledger) {
        line(text, "ledger-leaf-index", Long.toString(ledger.leafIndex()));
        line(text, "ledger-tree-size", Long.toString(ledger.treeSize()));
        line(text, "ledger-entry", ledger.entry().base64());
        ledger.proof().forEach(hash -> line(text, "ledger-proof", hash.hex()));
        byte[] checkpoint = ledger.checkpoint().getBytes(StandardCharsets.UTF_8);
        line(text, "ledger-checkpoint", Base64.getEncoder().encodeToString(checkpoint));
    }

    static byte[] signedBytes(Receipt receipt) {
        return encode(receipt).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a body (every line ending in a newline); throws INVALID_INPUT if it is not canonical. */
    static Receipt decode(String body) {
        ReceiptLines lines = ReceiptLines.of(body);
        if (!lines.next().equals(HEADER)) {
            throw CustodyException.invalidInput("not a custody receipt of format " + Receipt.FORMAT_VERSION);
        }
        Receipt receipt = new Receipt(
                Receipt.FORMAT_VERSION,
                new ClipId(lines.value("clip")),
                new ProjectId(lines.value("project")),
                (int) number(lines.value("prompt-index"), Integer.MAX_VALUE),
                hash(lines.value("prompt-sha256")),
                new Pseudonym(lines.value("contributor")),
                hash(lines.value("audio-sha256")),
                time(lines.value("received-at")),
                (int) number(lines.value("consent-terms-version"), Integer.MAX_VALUE),
                lines.hasNext() ? Optional.of(ledger(lines)) : Optional.empty());
        lines.requireEnd();
        if (!encode(receipt).equals(body)) {
            throw CustodyException.invalidInput("receipt is not in canonical form");
        }
        return receipt;
    }

    static LedgerInclusion ledger(ReceiptLines lines) {
        long leafIndex = number(lines.value("ledger-leaf-index"), Long.MAX_VALUE);
        long treeSize = number(lines.value("ledger-tree-size"), Long.MAX_VALUE);
        Bytes entry = entry(lines.value("ledger-entry"));
        List<Bytes> proof = new ArrayList<>();
        while (lines.nextHasKey("ledger-proof")) {
            proof.add(hash(lines.value("ledger-proof")));
        }
        return new LedgerInclusion(leafIndex, treeSize, entry, proof, checkpoint(lines.value("ledger-checkpoint")));
    }

    static void line(StringBuilder text, String key, String value) {
        text.append(key).append(' ').append(value).append('\n');
    }

    static long number(String value, long max) {
        if (!NUMBER.matcher(value).matches()) {
            throw CustodyException.invalidInput("malformed number in receipt");
        }
        try {
            long number = Long.parseLong(value);
            if (number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through: too large for a long.
        }
        throw CustodyException.invalidInput("number out of range in receipt");
    }

    static Bytes hash(String value) {
        if (!HASH.matcher(value).matches()) {
            throw CustodyException.invalidInput("malformed hash in receipt: expected 64 lowercase hex digits");
        }
        return Bytes.fromHex(value);
    }

    static Instant time(String value) {
        if (!TIME_SHAPE.matcher(value).matches()) {
            throw CustodyException.invalidInput("malformed time in receipt");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CustodyException.invalidInput("malformed time in receipt");
        }
    }

    private static Bytes entry(String value) {
        try {
            Bytes entry = Bytes.copyOf(Base64.getDecoder().decode(value));
            // One receipt, one text: only the canonical (padded) encoding is accepted.
            if (!entry.base64().equals(value)) {
                throw CustodyException.invalidInput("malformed ledger entry in receipt");
            }
            if (entry.length() == 0 || entry.length() > LedgerInclusion.MAX_ENTRY_LENGTH) {
                throw CustodyException.invalidInput("ledger entry in receipt has a bad length");
            }
            return entry;
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("malformed ledger entry in receipt");
        }
    }

    private static String checkpoint(String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw CustodyException.invalidInput("malformed ledger checkpoint in receipt");
        }
    }
}
