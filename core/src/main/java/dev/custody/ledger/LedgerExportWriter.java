package dev.custody.ledger;

import static dev.custody.ledger.LedgerExportFormat.CHECKPOINT;
import static dev.custody.ledger.LedgerExportFormat.END;
import static dev.custody.ledger.LedgerExportFormat.ENTRY;
import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a ledger export: the file an auditor takes away and checks offline with {@link
 * LedgerVerifier}. It streams, so a log of any length can be exported. Byte by byte:
 *
 * <pre>
 * 4    magic, ASCII "CLEX"
 * 1    format version, 0x01
 * then records, each a tag byte and, except for the end tag, a 4-byte big-endian length n and n bytes:
 *   0x01  checkpoint: the signed note's UTF-8 text (1 to 65536 bytes)
 *   0x02  entry: the entry's bytes as stored (1 to 1048576 bytes), in index order
 *   0x00  end: nothing follows, not even trailing bytes
 * </pre>
 *
 * Every checkpoint comes before the first entry, so a reader knows the claims before the evidence.
 * The caller closes the stream. I/O failures surface as STORAGE_UNAVAILABLE.
 */
public final class LedgerExportWriter {
    private final DataOutputStream out;
    private boolean entries;
    private boolean finished;

    private LedgerExportWriter(DataOutputStream out) {
        this.out = out;
    }

    public static LedgerExportWriter create(OutputStream out) {
        requireNonNull(out, "out is null");
        LedgerExportWriter writer = new LedgerExportWriter(new DataOutputStream(out));
        writer.io(() -> {
            writer.out.write(LedgerExportFormat.MAGIC);
            writer.out.write(LedgerExportFormat.VERSION);
        });
        return writer;
    }

    /** @throws IllegalStateException after the first entry */
    public void checkpoint(String note) {
        requireNonNull(note, "note is null");
        if (entries || finished) {
            throw new IllegalStateException("checkpoints come before entries");
        }
        record(CHECKPOINT, note.getBytes(StandardCharsets.UTF_8), LedgerExportFormat.MAX_CHECKPOINT);
    }

    public void entry(Bytes bytes) {
        requireNonNull(bytes, "bytes is null");
        if (finished) {
            throw new IllegalStateException("export finished");
        }
        entries = true;
        record(ENTRY, bytes.toArray(), LedgerExportFormat.MAX_ENTRY);
    }

    /** Writes the end tag and flushes. */
    public void finish() {
        if (!finished) {
            finished = true;
            io(() -> {
                out.write(END);
                out.flush();
            });
        }
    }

    private void record(int tag, byte[] value, int max) {
        if (value.length == 0 || value.length > max) {
            throw new IllegalArgumentException("record length out of range");
        }
        io(() -> {
            out.write(tag);
            out.writeInt(value.length);
            out.write(value);
        });
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "cannot write the ledger export", e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
