package dev.custody.ledger;

import dev.custody.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes an event's canonical details; the layout is spelled out in {@link LedgerEvent}. */
final class DetailsWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DetailsWriter(Action action) {
        out.write(action.code());
    }

    static DetailsWriter of(Action action) {
        return new DetailsWriter(action);
    }

    DetailsWriter text(Object value) {
        return bytes(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    DetailsWriter hash(Bytes value) {
        return bytes(value.toArray());
    }

    DetailsWriter number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    Bytes build() {
        return Bytes.copyOf(out.toByteArray());
    }

    private DetailsWriter bytes(byte[] value) {
        number(value.length);
        out.writeBytes(value);
        return this;
    }
}
