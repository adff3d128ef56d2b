package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * A batch's payout file: RFC 4180 CSV in UTF-8, one row per contributor and currency, with the
 * header {@code batch,contributor,currency,amount,clips}. The amount is a plain decimal in major
 * units ({@code 1.05}), exact. The same batch always gives the same bytes, so the SHA-256 the ledger
 * records identifies the file.
 *
 * <p>Payees are named by pseudonym only: a file that paired names with pseudonyms would re-identify
 * every recording the moment it leaked, and payout files travel (e-mail, spreadsheets). Whoever
 * pays resolves the pseudonym to payout details on their side.
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a carriage return as a
 * formula; every such cell is written with a leading apostrophe, so opening the file never runs
 * anything. (No value Custody writes starts so today; the guard keeps it true.)
 */
public final class PayoutFile {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String[] HEADER = {"batch", "contributor", "currency", "amount", "clips"};

    private final byte[] content;

    private PayoutFile(byte[] content) {
        this.content = content;
    }

    public static PayoutFile of(PayoutBatchId batch, List<PayoutLine> lines) {
        requireNonNull(batch, "batch is null");
        requireNonNull(lines, "lines is null");
        // RFC 4180: records end with CRLF, the last one too.
        var out = new StringBuilder(CSVFormat.RFC4180.format((Object[]) HEADER)).append("\r\n");
        for (PayoutLine line : lines) {
            out.append(CSVFormat.RFC4180.format(
                            cell(batch.value()),
                            cell(line.contributor().value()),
                            cell(line.total().currency().getCurrencyCode()),
                            cell(line.total().decimal()),
                            cell(Long.toString(line.clips()))))
                    .append("\r\n");
        }
        return new PayoutFile(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value as a spreadsheet shows it, never as a formula it runs. */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    public byte[] bytes() {
        return content.clone();
    }

    public Bytes sha256() {
        return Sha256.of(content);
    }
}
