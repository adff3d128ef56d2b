package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical byte encoding of a {@link LedgerEntry}: the exact bytes that are hashed into the
 * Merkle tree. Integers are big-endian; a string is a 2-byte big-endian length n then n bytes of
 * printable ASCII (a subset of UTF-8, see {@link Actor}).
 *
 * <pre>
 * size   field
 * 1      version, 0x01
 * 8      index (non-negative)
 * 8      time, milliseconds since 1970-01-01T00:00Z (non-negative)
 * 2+n    actor id
 * 1      actor role code ({@link ActorRole#code()})
 * 1      action code ({@link Action#code()})
 * 1      subject count c, 0 to 16, then c times:
 *          1    subject kind code ({@link SubjectKind#code()})
 *          2+n  subject id
 * 2+n    purpose
 * 2+n    request id
 * 32     details hash, SHA-256 of the event's details
 * </pre>
 *
 * Decoding is strict: an unknown version or code, a bad length, a byte outside the allowed
 * characters, missing or trailing bytes all fail with INTEGRITY_FAILURE, so every entry has
 * exactly one encoding.
 */
public final class LedgerEntryCodec {
    public static final int VERSION = 1;

    private LedgerEntryCodec() {}

    public static Bytes encode(LedgerEntry entry) {
        requireNonNull(entry, "entry is null");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        writeLong(out, entry.index());
        writeLong(out, entry.timeMillis());
        writeText(out, entry.actor().id());
        out.write(entry.actor().role().code());
        out.write(entry.action().code());
        out.write(entry.subjects().size());
        for (Subject subject : entry.subjects()) {
            out.write(subject.kind().code());
            writeText(out, subject.id());
        }
        writeText(out, entry.purpose());
        writeText(out, entry.requestId());
        out.writeBytes(entry.detailsHash().toArray());
        return Bytes.copyOf(out.toByteArray());
    }

    /** @throws CustodyException INTEGRITY_FAILURE if {@code encoded} is not a valid encoding */
    public static LedgerEntry decode(Bytes encoded) {
        requireNonNull(encoded, "encoded is null");
        ByteBuffer in = ByteBuffer.wrap(encoded.toArray());
        try {
            LedgerEntry entry = read(in);
            if (in.hasRemaining()) {
                throw CustodyException.integrityFailure();
            }
            return entry;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw CustodyException.integrityFailure(e);
        } catch (CustodyException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static LedgerEntry read(ByteBuffer in) {
        if (in.get() != VERSION) {
            throw CustodyException.integrityFailure();
        }
        long index = in.getLong();
        long time = in.getLong();
        Actor actor = new Actor(readText(in), ActorRole.fromCode(in.get() & 0xff));
        Action action = Action.fromCode(in.get() & 0xff);
        int count = in.get() & 0xff;
        if (count > LedgerEntry.MAX_SUBJECTS) {
            throw CustodyException.integrityFailure();
        }
        List<Subject> subjects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SubjectKind kind = SubjectKind.fromCode(in.get() & 0xff);
            subjects.add(new Subject(kind, readText(in)));
        }
        String purpose = readText(in);
        String requestId = readText(in);
        byte[] detailsHash = new byte[MerkleHashes.HASH_LENGTH];
        in.get(detailsHash);
        return new LedgerEntry(index, time, actor, action, subjects, purpose, requestId, Bytes.copyOf(detailsHash));
    }

    private static String readText(ByteBuffer in) {
        int length = in.getShort() & 0xffff;
        byte[] text = new byte[length];
        in.get(text);
        String value = new String(text, StandardCharsets.US_ASCII);
        // The records check the same rule; checking here keeps non-ASCII bytes from being
        // replaced by '?' and then accepted.
        for (byte b : text) {
            if (b <= 0x20 || b >= 0x7f) {
                throw CustodyException.integrityFailure();
            }
        }
        return value;
    }

    private static void writeText(ByteArrayOutputStream out, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        out.write(text.length >>> 8);
        out.write(text.length);
        out.writeBytes(text);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
