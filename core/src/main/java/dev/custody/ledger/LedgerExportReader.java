package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a ledger export (format in {@link LedgerExportWriter}) strictly: a wrong magic or version,
 * an unknown tag, a length out of range, a checkpoint after an entry, text that is not UTF-8, a
 * missing end tag or bytes after it all fail with INTEGRITY_FAILURE. Checkpoints are read on
 * {@link #open}; entries stream through {@link #nextEntry()}. I/O failures surface as
 * STORAGE_UNAVAILABLE. The caller closes the stream.
 */
public final class LedgerExportReader {
    private final DataInputStream in;
    private final List<String> checkpoints = new ArrayList<>();
    private int pendingTag;

    private LedgerExportReader(DataInputStream in) {
        this.in = in;
    }

    public static LedgerExportReader open(InputStream in) {
        requireNonNull(in, "in is null");
        LedgerExportReader reader = new LedgerExportReader(new DataInputStream(in));
        reader.readHeader();
        return reader;
    }

    /** The notes of the export's checkpoints, as written (not yet parsed or verified). */
    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The next entry's bytes, or empty after the last one (once the end tag and EOF are read). */
    public Optional<Bytes> nextEntry() {
        if (pendingTag == LedgerExportFormat.END) {
            return Optional.empty();
        }
        if (pendingTag != LedgerExportFormat.ENTRY) {
            throw CustodyException.integrityFailure();
        }
        Bytes entry = Bytes.copyOf(value(LedgerExportFormat.MAX_ENTRY));
        pendingTag = nextTag();
        return Optional.of(entry);
    }

    private void readHeader() {
        byte[] magic = new byte[LedgerExportFormat.MAGIC.length + 1];
        run(() -> in.readFully(magic));
        if (!Arrays.equals(magic, 0, 4, LedgerExportFormat.MAGIC, 0, 4) || magic[4] != LedgerExportFormat.VERSION) {
            throw CustodyException.integrityFailure();
        }
        pendingTag = nextTag();
        while (pendingTag == LedgerExportFormat.CHECKPOINT) {
            checkpoints.add(utf8(value(LedgerExportFormat.MAX_CHECKPOINT)));
            pendingTag = nextTag();
        }
    }

    private int nextTag() {
        int tag = io(in::readUnsignedByte);
        if (tag == LedgerExportFormat.END) {
            if (io(in::read) != -1) {
                throw CustodyException.integrityFailure();
            }
        } else if (tag != LedgerExportFormat.ENTRY && tag != LedgerExportFormat.CHECKPOINT) {
            throw CustodyException.integrityFailure();
        }
        return tag;
    }

    private byte[] value(int max) {
        int length = io(in::readInt);
        if (length <= 0 || length > max) {
            throw CustodyException.integrityFailure();
        }
        byte[] value = new byte[length];
        run(() -> in.readFully(value));
        return value;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static <T> T io(IoRead<T> read) {
        try {
            return read.run();
        } catch (EOFException e) {
            throw CustodyException.integrityFailure(e);
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "cannot read the ledger export", e);
        }
    }

    private static void run(IoAction action) {
        io(() -> {
            action.run();
            return null;
        });
    }

    @FunctionalInterface
    private interface IoRead<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
