package dev.custody.receipt;

import dev.custody.Bytes;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Fixed receipts for tests, so their texts can be compared byte for byte. */
final class Receipts {
    static final String CHECKPOINT =
            "custody.example/ledger\n42\nqUmb0Qz0mNPZ0wN9Ep6hLsHGzgwKDyl1vdAYhjhpz2I=\n\n\u2014 custody.example/ledger AAAA\n";

    /** Stands for a ledger entry's canonical bytes; receipts carry them without interpreting them. */
    static final Bytes ENTRY = Bytes.copyOf(new byte[] {1, 0, 0, 0, 41});

    private Receipts() {}

    static Receipt plain() {
        return Receipt.of(
                new ClipId("clp_aaaaaaaaaaaaaaaaaaaaaaaaaa"),
                new ProjectId("prj_bbbbbbbbbbbbbbbbbbbbbbbbbb"),
                3,
                "The quick brown fox.",
                new Pseudonym("ctb_cccccccccccccccccccccccccc"),
                hash(0x11),
                Instant.parse("2026-01-31T12:34:56.789Z"),
                2);
    }

    static Receipt withLedger() {
        return plain().withLedger(inclusion(41, 42, List.of(hash(0x22), hash(0x33))));
    }

    static LedgerInclusion inclusion(long leafIndex, long treeSize, List<Bytes> proof) {
        return new LedgerInclusion(leafIndex, treeSize, ENTRY, proof, CHECKPOINT);
    }

    /** {@code receipt} with the component named {@code name} replaced, through the canonical constructor. */
    static Receipt with(Receipt receipt, String name, Object value) {
        RecordComponent[] components = Receipt.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(name)
                        ? value
                        : components[i].getAccessor().invoke(receipt);
            }
            return Receipt.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Bytes hash(int fill) {
        return Bytes.fromHex(HexFormat.of().formatHex(new byte[] {(byte) fill}).repeat(32));
    }
}
