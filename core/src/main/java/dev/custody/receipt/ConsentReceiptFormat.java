package dev.custody.receipt;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The canonical body of a consent receipt: the exact bytes that are signed, laid out on {@link
 * SignedConsentReceipt}. Decoding is strict and ends by re-encoding, as {@link ReceiptFormat}'s does.
 */
final class ConsentReceiptFormat {
    private static final String PAPER_FORM = "recorded-by-staff-paper-form-sha256";

    private ConsentReceiptFormat() {}

    static String encode(ConsentReceipt receipt) {
        StringBuilder text =
                new StringBuilder(1024).append(ConsentReceipt.HEADER).append('\n');
        ReceiptFormat.line(text, "consent", receipt.consent().value());
        ReceiptFormat.line(text, "contributor", receipt.contributor().value());
        ReceiptFormat.line(text, "project", receipt.project().value());
        ReceiptFormat.line(text, "terms-version", Integer.toString(receipt.termsVersion()));
        ReceiptFormat.line(text, "terms-sha256", receipt.termsSha256().hex());
        ReceiptFormat.line(text, "given-at", ReceiptFormat.TIME.format(receipt.givenAt()));
        receipt.paperFormSha256().ifPresent(form -> ReceiptFormat.line(text, PAPER_FORM, form.hex()));
        ReceiptFormat.ledgerLines(text, receipt.ledger());
        return text.toString();
    }

    static byte[] signedBytes(ConsentReceipt receipt) {
        return encode(receipt).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a body (every line ending in a newline); throws INVALID_INPUT if it is not canonical. */
    static ConsentReceipt decode(String body) {
        ReceiptLines lines = ReceiptLines.of(body);
        if (!lines.next().equals(ConsentReceipt.HEADER)) {
            throw CustodyException.invalidInput(
                    "not a custody consent receipt of format " + ConsentReceipt.FORMAT_VERSION);
        }
        var consent = new ConsentId(lines.value("consent"));
        var contributor = new Pseudonym(lines.value("contributor"));
        var project = new ProjectId(lines.value("project"));
        int termsVersion = (int) ReceiptFormat.number(lines.value("terms-version"), Integer.MAX_VALUE);
        var termsSha256 = ReceiptFormat.hash(lines.value("terms-sha256"));
        var givenAt = ReceiptFormat.time(lines.value("given-at"));
        Optional<Bytes> paperForm = lines.nextHasKey(PAPER_FORM)
                ? Optional.of(ReceiptFormat.hash(lines.value(PAPER_FORM)))
                : Optional.empty();
        var receipt = new ConsentReceipt(
                consent,
                contributor,
                project,
                termsVersion,
                termsSha256,
                givenAt,
                ReceiptFormat.ledger(lines),
                paperForm);
        lines.requireEnd();
        if (!encode(receipt).equals(body)) {
            throw CustodyException.invalidInput("receipt is not in canonical form");
        }
        return receipt;
    }
}
