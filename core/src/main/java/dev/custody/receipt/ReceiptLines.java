package dev.custody.receipt;

import dev.custody.CustodyException;
import java.util.List;

/** Reads a receipt body's "key value" lines in order, failing with INVALID_INPUT on any surprise. */
final class ReceiptLines {
    private final List<String> lines;
    private int position;

    private ReceiptLines(List<String> lines) {
        this.lines = lines;
    }

    /** Splits {@code body}, which must end with a newline, into its lines. */
    static ReceiptLines of(String body) {
        if (!body.endsWith("\n")) {
            throw CustodyException.invalidInput("receipt line does not end with a newline");
        }
        return new ReceiptLines(List.of(body.substring(0, body.length() - 1).split("\n", -1)));
    }

    boolean hasNext() {
        return position < lines.size();
    }

    String next() {
        if (!hasNext()) {
            throw CustodyException.invalidInput("receipt ends early, after line " + position);
        }
        return lines.get(position++);
    }

    boolean nextHasKey(String key) {
        return hasNext() && lines.get(position).startsWith(key + " ");
    }

    /** The value of the next line, which must be {@code key}, one space and a non-empty value. */
    String value(String key) {
        String line = next();
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw CustodyException.invalidInput("receipt line " + position + " is not '" + key + "'");
        }
        return line.substring(key.length() + 1);
    }

    void requireEnd() {
        if (hasNext()) {
            throw CustodyException.invalidInput("receipt has an unexpected line " + (position + 1));
        }
    }
}
