package dev.custody.audio;

import java.io.ByteArrayOutputStream;

/** Writes bits most significant first, to build FLAC streams the reference encoder never emits. */
final class FlacBits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int pending;
    private int pendingCount;

    FlacBits bits(long value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            pending = (pending << 1) | (int) ((value >>> i) & 1);
            if (++pendingCount == 8) {
                out.write(pending);
                pending = 0;
                pendingCount = 0;
            }
        }
        return this;
    }

    FlacBits unary(int zeros) {
        for (int i = 0; i < zeros; i++) {
            bits(0, 1);
        }
        return bits(1, 1);
    }

    FlacBits rice(int value, int parameter) {
        long folded = value >= 0 ? 2L * value : -2L * value - 1;
        unary((int) (folded >>> parameter));
        return bits(folded, parameter);
    }

    FlacBits bytes(byte[] bytes) {
        for (byte b : bytes) {
            bits(b, 8);
        }
        return this;
    }

    FlacBits alignWithZeros() {
        while (pendingCount != 0) {
            bits(0, 1);
        }
        return this;
    }

    byte[] toByteArray() {
        if (pendingCount != 0) {
            throw new IllegalStateException("not at a byte boundary");
        }
        return out.toByteArray();
    }
}
